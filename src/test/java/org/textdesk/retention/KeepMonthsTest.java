package org.textdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.textdesk.system.FieldRuleException;

/** The months an admin types: empty is forever; a whole number from 1 to 120; anything else is refused. */
class KeepMonthsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t \n"})
    void emptyIsForever(String typed) {
        assertThat(KeepMonths.parse(typed)).isEqualTo(KeepMonths.FOREVER);
        assertThat(KeepMonths.parse(typed).forever()).isTrue();
        assertThat(KeepMonths.parse(typed).typed()).isEmpty();
    }

    @Test
    void nothingTypedIsForever() {
        assertThat(KeepMonths.parse(null)).isEqualTo(KeepMonths.FOREVER);
    }

    @Test
    void wholeNumbersFromOneToOneHundredTwentyAreKept() {
        assertThat(KeepMonths.parse("1").months()).isEqualTo(1);
        assertThat(KeepMonths.parse(" 6 ").months()).isEqualTo(6);
        assertThat(KeepMonths.parse("006").months()).isEqualTo(6);
        assertThat(KeepMonths.parse("0120").months()).isEqualTo(120);
        assertThat(KeepMonths.parse("120").months()).isEqualTo(120);
        assertThat(KeepMonths.parse("36").forever()).isFalse();
        assertThat(KeepMonths.parse("36").typed()).isEqualTo("36");
    }

    @ParameterizedTest
    @ValueSource(strings = {"six", "6.5", "-3", "+6", "1,0", "6 months", "٦", "0x10"})
    void anythingButDigitsIsNotAWholeNumber(String typed) {
        assertThatThrownBy(() -> KeepMonths.parse(typed)).isInstanceOfSatisfying(FieldRuleException.class, refused -> {
            assertThat(refused.field()).isEqualTo("keepMonths");
            assertThat(refused.messageKey()).isEqualTo("retention.keepMonths.notWhole");
            assertThat(refused.arguments()).containsExactly(1, 120);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "000", "121", "999", "1000", "0121", "99999999999", "99999999999999999999999"})
    void numbersOutsideOneToOneHundredTwentyAreRefused(String typed) {
        assertThatThrownBy(() -> KeepMonths.parse(typed)).isInstanceOfSatisfying(FieldRuleException.class, refused -> {
            assertThat(refused.field()).isEqualTo("keepMonths");
            assertThat(refused.messageKey()).isEqualTo("retention.keepMonths.outOfRange");
            assertThat(refused.arguments()).containsExactly(1, 120);
        });
    }

    @Test
    void theSettingCannotHoldMonthsOutsideTheRange() {
        assertThatThrownBy(() -> new KeepMonths(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeepMonths(121)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new KeepMonths(1).months()).isEqualTo(1);
        assertThat(new KeepMonths(120).months()).isEqualTo(120);
    }

    @Test
    void theCutoffIsThatManyCalendarMonthsBack() {
        assertThat(new KeepMonths(6).cutoff(Instant.parse("2026-12-02T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-06-02T12:00:00Z"));
        assertThat(new KeepMonths(1).cutoff(Instant.parse("2026-03-31T08:15:00Z")))
                .isEqualTo(Instant.parse("2026-02-28T08:15:00Z"));
        assertThat(new KeepMonths(120).cutoff(Instant.parse("2026-12-02T12:00:00Z")))
                .isEqualTo(Instant.parse("2016-12-02T12:00:00Z"));
    }

    @Test
    void foreverHasNoCutoff() {
        assertThatThrownBy(() -> KeepMonths.FOREVER.cutoff(Instant.parse("2026-12-02T12:00:00Z")))
                .isInstanceOf(IllegalStateException.class);
    }
}
