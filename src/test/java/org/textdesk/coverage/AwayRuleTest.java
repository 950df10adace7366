package org.textdesk.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.textdesk.system.FieldRuleException;

/** The away rules without a database (in the mutation profile). */
class AwayRuleTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");

    @Test
    void aPeriodIsReadInTheOrganisationsZone() {
        AwayRule.Period period = AwayRule.period("2026-03-09T09:00", " 2026-03-13T17:00 ", NEW_YORK, NOW);
        assertThat(period.from()).isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
        assertThat(period.until()).isEqualTo(Instant.parse("2026-03-13T21:00:00Z"));
    }

    @Test
    void untilMustBeAfterFromAndAhead() {
        assertRefused(() -> AwayRule.period("2026-03-13T17:00", "2026-03-13T17:00", NEW_YORK, NOW), "awayUntil",
                "away.until.notAfterFrom");
        assertRefused(() -> AwayRule.period("2026-03-01T09:00", "2026-03-10T10:00", NEW_YORK, NOW), "awayUntil",
                "away.until.past");
        assertThat(AwayRule.period("2026-03-01T09:00", "2026-03-10T10:01", NEW_YORK, NOW).until())
                .isEqualTo(Instant.parse("2026-03-10T14:01:00Z"));
        assertRefused(() -> AwayRule.period("", "2026-03-13T17:00", NEW_YORK, NOW), "awayFrom", "away.time.required");
        assertRefused(() -> AwayRule.period(null, "2026-03-13T17:00", NEW_YORK, NOW), "awayFrom",
                "away.time.required");
        assertRefused(() -> AwayRule.period("2026-03-09T09:00", "  ", NEW_YORK, NOW), "awayUntil",
                "away.time.required");
        assertRefused(() -> AwayRule.period("2026-02-30T09:00", "2026-03-13T17:00", NEW_YORK, NOW), "awayFrom",
                "away.time.invalid");
        assertRefused(() -> AwayRule.period("2026-03-09T09:00", "Friday", NEW_YORK, NOW), "awayUntil",
                "away.time.invalid");
    }

    @Test
    void theMessageIsOneSmsWithLookAlikesReplaced() {
        assertThat(AwayRule.message("  I\u2019m away \u2014 back Friday.  ")).isEqualTo("I'm away - back Friday.");
        assertThat(AwayRule.message("x".repeat(160))).hasSize(160);
        assertRefused(() -> AwayRule.message("x".repeat(161)), "message", "away.message.tooLong");
        assertRefused(() -> AwayRule.message(" \n "), "message", "away.message.required");
        assertRefused(() -> AwayRule.message(null), "message", "away.message.required");
        assertThatThrownBy(() -> AwayRule.message("\uD83C\uDF34".repeat(36))).isInstanceOf(FieldRuleException.class)
                .satisfies(refused -> assertThat(((FieldRuleException) refused).arguments()).containsExactly(70));
    }

    @Test
    void awayFromItsStartUntilJustBeforeItsEnd() {
        Instant from = Instant.parse("2026-03-09T13:00:00Z");
        Instant until = Instant.parse("2026-03-13T21:00:00Z");
        assertThat(AwayRule.isAway(from, until, from.minusMillis(1))).isFalse();
        assertThat(AwayRule.isAway(from, until, from)).isTrue();
        assertThat(AwayRule.isAway(from, until, until.minusMillis(1))).isTrue();
        assertThat(AwayRule.isAway(from, until, until)).isFalse();
    }

    @Test
    void theReplyDayIsTheOrganisationsDate() {
        assertThat(AwayRule.replyDay(Instant.parse("2026-03-11T03:59:59Z"), NEW_YORK))
                .isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(AwayRule.replyDay(Instant.parse("2026-03-11T04:00:00Z"), NEW_YORK))
                .isEqualTo(LocalDate.of(2026, 3, 11));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
            String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FieldRuleException.class, refused -> {
            assertThat(refused.field()).isEqualTo(field);
            assertThat(refused.messageKey()).isEqualTo(key);
        });
    }
}
