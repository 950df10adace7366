package org.textdesk.texts;

import static org.assertj.core.api.Assertions.assertThat;

import static org.textdesk.Generated.forAll;
import static org.textdesk.Generated.inputs;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SmsText against the GSM-7 tables of 3GPP TS 23.038 (Gsm7Tables), character by character and in whole texts. */
class SmsTextGsmTablesTest {

    @Test
    void theTablesHaveTheSizesTheStandardGives() {
        assertThat(Gsm7Tables.BASIC.codePoints().distinct().count()).isEqualTo(127);
        assertThat(Gsm7Tables.EXTENSION.codePoints().distinct().count()).isEqualTo(10);
    }

    @Test
    void everyBasicCharacterIsOneSeptet() {
        for (char c : Gsm7Tables.BASIC.toCharArray()) {
            SmsText sms = SmsText.of(String.valueOf(c));
            assertThat(sms.encoding()).as("U+%04X", (int) c).isEqualTo(SmsText.Encoding.GSM_7);
            assertThat(sms.used()).as("U+%04X", (int) c).isEqualTo(1);
            assertThat(sms.firstNonGsmCharacter()).isEmpty();
        }
    }

    @Test
    void everyExtensionCharacterIsTwoSeptets() {
        for (char c : Gsm7Tables.EXTENSION.toCharArray()) {
            SmsText sms = SmsText.of(String.valueOf(c));
            assertThat(sms.encoding()).as("U+%04X", (int) c).isEqualTo(SmsText.Encoding.GSM_7);
            assertThat(sms.used()).as("U+%04X", (int) c).isEqualTo(2);
        }
    }

    /** Latin-1 and other look-similar characters the GSM table does not hold (and SmsText does not replace). */
    @ParameterizedTest
    @ValueSource(strings = {"\u00e7", "\u00e1", "\u00ed", "\u00f3", "\u00fa", "\u00e2", "\u00ea", "\u00c0", "\u00c1",
        "\u00cb", "\u00f5", "\u00ff", "\u00a2", "\u00a9", "\u00ae", "\u00b0", "\u00b5", "\u00d7", "\u00f7", "\u03b1",
        "\u03b2", "\u0041\u0301", "\u001b", "\u0000", "\u007f", "\u0080", "\u00a8", "\u00ac", "\u00bd", "\u00be",
        "\u00a6", "\u0394\u03b4"})
    void charactersOutsideTheTablesMakeTheTextUnicode(String text) {
        SmsText sms = SmsText.of("Hi " + text);
        assertThat(sms.encoding()).isEqualTo(SmsText.Encoding.UCS_2);
        assertThat(sms.limit()).isEqualTo(70);
        assertThat(sms.used()).isEqualTo(3 + text.length());
    }

    /**
     * Two-sided: any text made only of the standard's characters is GSM-7, and uses one septet per basic
     * character and two per extension character, counted while the text is made, not by SmsText's rule.
     */
    @Test
    void textsOfGsmCharactersOnlyAreGsm7WithTheRightCount() {
        forAll(inputs(9101, 2000, SmsTextGsmTablesTest::gsmOnlyText), text -> {
            SmsText sms = SmsText.of(text.text());
            assertThat(sms.encoding()).isEqualTo(SmsText.Encoding.GSM_7);
            assertThat(sms.used()).isEqualTo(text.septets());
            assertThat(sms.text()).isEqualTo(text.text());
            assertThat(sms.fitsOneSegment()).isEqualTo(text.septets() <= 160);
            assertThat(sms.left()).isEqualTo(160 - text.septets());
        });
    }

    record GsmText(String text, int septets) {
        @Override
        public String toString() {
            return text + " (" + septets + " septets)";
        }
    }

    static GsmText gsmOnlyText(Random random) {
        int length = random.nextInt(200);
        StringBuilder text = new StringBuilder();
        int septets = 0;
        for (int i = 0; i < length; i++) {
            if (random.nextInt(5) == 0) {
                text.append(Gsm7Tables.EXTENSION.charAt(random.nextInt(Gsm7Tables.EXTENSION.length())));
                septets += 2;
            } else {
                text.append(Gsm7Tables.BASIC.charAt(random.nextInt(Gsm7Tables.BASIC.length())));
                septets += 1;
            }
        }
        return new GsmText(text.toString(), septets);
    }
}
