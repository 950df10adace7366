package org.textdesk.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SmsTextTest {

    static List<SmsLengthCase> cases() {
        return SmsLengthCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void measuresEachSharedCase(SmsLengthCase c) {
        SmsText sms = SmsText.of(c.typed());
        assertThat(sms.encoding().name()).isEqualTo(c.encoding());
        assertThat(sms.used()).isEqualTo(c.used());
        assertThat(sms.limit()).isEqualTo(c.limit());
        assertThat(sms.left()).isEqualTo(c.limit() - c.used());
        assertThat(sms.fitsOneSegment()).isEqualTo(c.fits());
        if (c.normalized() != null) {
            assertThat(sms.text()).isEqualTo(c.normalized());
        }
        if (c.firstNonGsm() != null) {
            assertThat(sms.firstNonGsmCharacter()).isEqualTo(c.firstNonGsm());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cutsEachSharedCaseToOneSegment(SmsLengthCase c) {
        SmsText cut = SmsText.of(c.typed()).cutToOneSegment();
        assertThat(cut.fitsOneSegment()).isTrue();
        assertThat(cut.used()).isEqualTo(c.cutUsed() != null ? c.cutUsed() : c.used());
        assertThat(cut.encoding().name()).isEqualTo(c.cutEncoding() != null ? c.cutEncoding() : c.encoding());
        assertThat(SmsText.of(c.typed()).text()).startsWith(cut.text());
    }

    @Test
    void aGsmTextHasNoNonGsmCharacter() {
        assertThat(SmsText.of("Hello €").firstNonGsmCharacter()).isEmpty();
    }

    @Test
    void nullIsAnEmptyText() {
        assertThat(SmsText.of(null).used()).isZero();
    }
}
