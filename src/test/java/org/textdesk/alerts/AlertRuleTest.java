package org.textdesk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertRuleTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void theChoicesAreOneTwoFourEightAndTwentyFourHours() {
        assertThat(AlertRule.CHOICES).containsExactly(1, 2, 4, 8, 24);
        assertThat(AlertRule.isChoice(1)).isTrue();
        assertThat(AlertRule.isChoice(24)).isTrue();
        assertThat(AlertRule.isChoice(0)).isFalse();
        assertThat(AlertRule.isChoice(3)).isFalse();
        assertThat(AlertRule.isChoice(48)).isFalse();
    }

    @Test
    void dueOnlyOnceTheOldestUnreadTextHasWaitedMoreThanTheChosenHours() {
        assertThat(AlertRule.isDue(RECEIVED, 2, null, Instant.parse("2026-03-02T10:59:59Z"))).isFalse();
        assertThat(AlertRule.isDue(RECEIVED, 2, null, Instant.parse("2026-03-02T11:00:00Z"))).isFalse();
        assertThat(AlertRule.isDue(RECEIVED, 2, null, Instant.parse("2026-03-02T11:00:01Z"))).isTrue();
        assertThat(AlertRule.isDue(RECEIVED, 24, null, Instant.parse("2026-03-03T09:00:01Z"))).isTrue();
    }

    @Test
    void neverDueWithoutAnUnreadText() {
        assertThat(AlertRule.isDue(null, 1, null, Instant.parse("2026-03-09T09:00:00Z"))).isFalse();
    }

    @Test
    void atMostOneAnHour() {
        Instant now = Instant.parse("2026-03-02T12:00:00Z");
        assertThat(AlertRule.isDue(RECEIVED, 1, Instant.parse("2026-03-02T11:00:01Z"), now)).isFalse();
        assertThat(AlertRule.isDue(RECEIVED, 1, Instant.parse("2026-03-02T11:00:00Z"), now)).isTrue();
        assertThat(AlertRule.isDue(RECEIVED, 1, Instant.parse("2026-03-02T10:30:00Z"), now)).isTrue();
        assertThat(AlertRule.sentBeforeOrAt(now)).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
    }
}
