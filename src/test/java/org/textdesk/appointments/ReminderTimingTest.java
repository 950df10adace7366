package org.textdesk.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.textdesk.system.FieldRuleException;

/** When a plan's reminder goes, in the organisation's zone (New York here), and the plans an admin may type. */
class ReminderTimingTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Friday 8 March 2030, 10:00 in New York (UTC-5). */
    static final Instant FRIDAY_10_AM = Instant.parse("2030-03-08T15:00:00Z");

    @Test
    void daysBeforeAtATimeIsThatTimeOnThatDayInTheOrganisationsZone() {
        assertThat(new ReminderTiming(2, LocalTime.of(10, 0), null).dueAt(FRIDAY_10_AM, NEW_YORK))
                .isEqualTo(Instant.parse("2030-03-06T15:00:00Z"));
        assertThat(new ReminderTiming(0, LocalTime.of(7, 30), null).dueAt(FRIDAY_10_AM, NEW_YORK))
                .isEqualTo(Instant.parse("2030-03-08T12:30:00Z"));
    }

    @Test
    void daysAreCountedInTheOrganisationsZoneNotInUtc() {
        // Friday 8 March 2030 at 21:00 in New York is already Saturday in UTC
        Instant evening = Instant.parse("2030-03-09T02:00:00Z");
        assertThat(new ReminderTiming(1, LocalTime.of(10, 0), null).dueAt(evening, NEW_YORK))
                .isEqualTo(Instant.parse("2030-03-07T15:00:00Z"));
    }

    @Test
    void aDayBeforeAcrossTheSpringForwardKeepsTheWallClockTime() {
        // Monday 11 March 2030 10:00 EDT (UTC-4); the clocks moved on Sunday 10 March
        Instant monday = Instant.parse("2030-03-11T14:00:00Z");
        assertThat(new ReminderTiming(2, LocalTime.of(10, 0), null).dueAt(monday, NEW_YORK))
                .isEqualTo(Instant.parse("2030-03-09T15:00:00Z"));
    }

    @Test
    void minutesBeforeIsThatLongBeforeTheAppointment() {
        assertThat(new ReminderTiming(null, null, 120).dueAt(FRIDAY_10_AM, NEW_YORK))
                .isEqualTo(Instant.parse("2030-03-08T13:00:00Z"));
    }

    @Test
    void whatAnAdminTypesBecomesATimingOrARefusalBesideTheField() {
        assertThat(ReminderTiming.of("DAYS", 2, LocalTime.of(10, 0), 5))
                .isEqualTo(new ReminderTiming(2, LocalTime.of(10, 0), null));
        assertThat(ReminderTiming.of("HOURS", 9, LocalTime.of(10, 0), 2)).isEqualTo(new ReminderTiming(null, null, 120));
        assertRefused(() -> ReminderTiming.of("DAYS", null, LocalTime.of(10, 0), null), "daysBefore");
        assertRefused(() -> ReminderTiming.of("DAYS", -1, LocalTime.of(10, 0), null), "daysBefore");
        assertRefused(() -> ReminderTiming.of("DAYS", 31, LocalTime.of(10, 0), null), "daysBefore");
        assertThat(ReminderTiming.of("DAYS", 30, LocalTime.of(10, 0), null).daysBefore()).isEqualTo(30);
        assertThat(ReminderTiming.of("DAYS", 0, LocalTime.of(7, 30), null).daysBefore()).as("the same day").isZero();
        assertRefused(() -> ReminderTiming.of("DAYS", 2, null, null), "atTime");
        assertRefused(() -> ReminderTiming.of("HOURS", null, null, 0), "hoursBefore");
        assertRefused(() -> ReminderTiming.of("HOURS", null, null, 73), "hoursBefore");
        assertThat(ReminderTiming.of("HOURS", null, null, 72).minutesBefore()).isEqualTo(4320);
        assertThat(ReminderTiming.of("HOURS", null, null, 1).minutesBefore()).isEqualTo(60);
        assertRefused(() -> ReminderTiming.of("WEEKS", 1, null, 1), "kind");
        assertRefused(() -> ReminderTiming.of(null, 1, null, 1), "kind");
    }

    @Test
    void onlyOneFormIsATiming() {
        assertThatThrownBy(() -> new ReminderTiming(2, LocalTime.NOON, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderTiming(2, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderTiming(null, LocalTime.NOON, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderTiming(null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inWords() {
        assertThat(new ReminderTiming(2, LocalTime.of(10, 0), null).wordsKey()).isEqualTo("appointments.plan.daysBefore");
        assertThat(new ReminderTiming(2, LocalTime.of(10, 0), null).wordsArguments()).containsExactly(2, "10:00 AM");
        assertThat(new ReminderTiming(0, LocalTime.of(18, 5), null).wordsArguments()).containsExactly(0, "6:05 PM");
        assertThat(new ReminderTiming(null, null, 120).wordsKey()).isEqualTo("appointments.plan.hoursBefore");
        assertThat(new ReminderTiming(null, null, 120).wordsArguments()).containsExactly(2);
        assertThat(new ReminderTiming(null, null, 90).wordsKey()).isEqualTo("appointments.plan.minutesBefore");
        assertThat(new ReminderTiming(null, null, 90).wordsArguments()).containsExactly(90);
    }

    private static void assertRefused(Runnable typed, String field) {
        assertThatThrownBy(typed::run).isInstanceOfSatisfying(FieldRuleException.class,
                refused -> assertThat(refused.field()).isEqualTo(field));
    }
}
