package org.textdesk.twiliosetup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioNumberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            404-476-4365        | +14044764365 | 404-476-4365
            (404) 476-4365      | +14044764365 | 404-476-4365
            4044764365          | +14044764365 | 404-476-4365
            +1 404 476 4365     | +14044764365 | 404-476-4365
            1-404-476-4365      | +14044764365 | 404-476-4365
            +44 20 7946 0958    | +442079460958 | +44 20 7946 0958
            """)
    void aValidNumberIsStoredE164AndShownReadable(String typed, String e164, String readable) {
        assertThat(TwilioNumber.toE164(typed)).contains(e164);
        assertThat(TwilioNumber.readable(e164)).isEqualTo(readable);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "404-476-436", "123-456-7890", "call us", "+1 555", "404-476-4365-4365-4365"})
    void anythingElseIsRefused(String typed) {
        assertThat(TwilioNumber.toE164(typed)).isEmpty();
    }

    /** Up to 40 characters are read (a number with spaces around it); longer is refused unread. */
    @org.junit.jupiter.api.Test
    void fortyCharactersAreReadAndFortyOneAreNot() {
        String forty = "+1 404 476 4365" + " ".repeat(25);
        assertThat(forty).hasSize(40);
        assertThat(TwilioNumber.toE164(forty)).contains("+14044764365");
        assertThat(TwilioNumber.toE164(forty + " ")).isEmpty();
        assertThat(TwilioNumber.toE164(null)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nothingStoredIsShownAsNothingAndAnUnreadableValueAsItIs() {
        assertThat(TwilioNumber.readable(null)).isEmpty();
        assertThat(TwilioNumber.readable(" ")).isEmpty();
        assertThat(TwilioNumber.readable("not a number")).isEqualTo("not a number");
    }
}
