package org.textdesk.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RawDlrDoneDate: yyMMddHHmm, or yyMMddHHmmss, in UTC; anything else is ignored. */
class RawDlrDoneDateTest {

    @Test
    void tenDigitsAreMinutesInUtc() {
        assertThat(RawDlrDoneDate.parse("2608171430")).contains(Instant.parse("2026-08-17T14:30:00Z"));
        assertThat(RawDlrDoneDate.parse(" 2601010000\n")).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(RawDlrDoneDate.parse("9912312359")).contains(Instant.parse("2099-12-31T23:59:00Z"));
    }

    @Test
    void twelveDigitsAreSecondsInUtc() {
        assertThat(RawDlrDoneDate.parse("260817143059")).contains(Instant.parse("2026-08-17T14:30:59Z"));
        assertThat(RawDlrDoneDate.parse("240229000001")).contains(Instant.parse("2024-02-29T00:00:01Z"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "260817143", "26081714300", "2608171430599", "26081714a0", "2026-08-17",
            "2613171430", "2602301430", "2502290000", "2608172430", "2608171460", "260817143060", "+608171430",
            "２６０８１７１４３０"})
    void anythingElseIsIgnored(String raw) {
        assertThat(RawDlrDoneDate.parse(raw)).isEmpty();
    }
}
