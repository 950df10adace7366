package org.textdesk.texts;

import static org.assertj.core.api.Assertions.assertThat;

import static org.textdesk.Generated.forAll;
import static org.textdesk.Generated.inputs;

import org.junit.jupiter.api.Test;

/**
 * The one-SMS rule over thousands of generated texts (fixed seeds, so that every run tries the same
 * texts): the counts agree with the encoding, the cut always fits, is a beginning of the text and
 * the longest one that fits, and replacing look-alikes twice changes nothing more.
 */
class SmsTextPropertiesTest {

    private static final int TRIES = 2000;

    @Test
    void fitsExactlyWhenTheCountIsWithinTheLimitOfItsEncoding() {
        forAll(inputs(9001, TRIES, TypedTexts::anyText), typed -> fitsExactlyWhenTheCountIsWithinTheLimitOfItsEncoding(typed));
    }

    private static void fitsExactlyWhenTheCountIsWithinTheLimitOfItsEncoding(String typed) {
        SmsText measured = SmsText.of(typed);
        assertThat(measured.text()).isEqualTo(SmsText.replaceLookAlikes(typed));
        assertThat(measured.fitsOneSegment()).isEqualTo(measured.used() <= measured.limit());
        assertThat(measured.left()).isEqualTo(measured.limit() - measured.used());
        if (measured.encoding() == SmsText.Encoding.GSM_7) {
            assertThat(measured.limit()).isEqualTo(160);
            assertThat(measured.firstNonGsmCharacter()).isEmpty();
            assertThat(measured.used()).isEqualTo(septets(measured.text()));
        } else {
            assertThat(measured.limit()).isEqualTo(70);
            assertThat(measured.used()).isEqualTo(measured.text().length());
            assertThat(measured.firstNonGsmCharacter()).isNotEmpty();
            assertThat(measured.text()).contains(measured.firstNonGsmCharacter());
        }
    }

    @Test
    void theCutFitsIsABeginningAndIsTheLongestThatFits() {
        forAll(inputs(9002, TRIES, TypedTexts::anyText), typed -> theCutFitsIsABeginningAndIsTheLongestThatFits(typed));
    }

    private static void theCutFitsIsABeginningAndIsTheLongestThatFits(String typed) {
        SmsText measured = SmsText.of(typed);
        SmsText cut = measured.cutToOneSegment();
        assertThat(cut.fitsOneSegment()).isTrue();
        assertThat(measured.text()).startsWith(cut.text());
        assertThat(SmsText.of(cut.text())).isEqualTo(cut);
        if (measured.fitsOneSegment()) {
            assertThat(cut).isEqualTo(measured);
            return;
        }
        assertThat(cut.text()).hasSizeLessThan(measured.text().length());
        // Never half a character: the cut does not end inside a surrogate pair.
        if (!cut.text().isEmpty()) {
            assertThat(Character.isHighSurrogate(cut.text().charAt(cut.text().length() - 1))
                    && Character.isLowSurrogate(measured.text().charAt(cut.text().length()))).isFalse();
        }
        // The longest: one more character would not fit.
        int next = measured.text().offsetByCodePoints(cut.text().length(), 1);
        assertThat(SmsText.of(measured.text().substring(0, next)).fitsOneSegment()).isFalse();
    }

    @Test
    void replacingLookAlikesTwiceChangesNothingMore() {
        forAll(inputs(9003, TRIES, TypedTexts::anyText), typed -> replacingLookAlikesTwiceChangesNothingMore(typed));
    }

    private static void replacingLookAlikesTwiceChangesNothingMore(String typed) {
        String once = SmsText.replaceLookAlikes(typed);
        assertThat(SmsText.replaceLookAlikes(once)).isEqualTo(once);
        assertThat(SmsText.of(once)).isEqualTo(SmsText.of(typed));
        assertThat(once).doesNotContainPattern("[\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u00A0]");
    }

    /** Septets by the GSM 03.38 tables, independently of SmsText: basic characters one, extension ones two. */
    private static int septets(String text) {
        int septets = 0;
        for (char c : text.toCharArray()) {
            if (TypedTexts.GSM_BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (TypedTexts.GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                throw new AssertionError("not a GSM-7 character in a GSM-7 text: U+" + Integer.toHexString(c));
            }
        }
        return septets;
    }
}
