package org.textdesk.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.textdesk.reminders.ScheduledText;

/** A reminder's state on the page from its scheduled text, written out for each state. */
class ReminderLineTest {

    static final Instant DUE = Instant.parse("2030-03-06T15:00:00Z");
    static final Instant OPENS = Instant.parse("2030-03-06T13:00:00Z");
    static final ReminderTiming TWO_DAYS = new ReminderTiming(2, LocalTime.of(10, 0), null);

    @Test
    void notPlannedSaysWhy() {
        ReminderLine line = ReminderLine.of(reminder(null, ReminderPlanner.NOT_PLANNED_PAST, true), null);
        assertThat(line.state()).isEqualTo("NOT_PLANNED");
        assertThat(line.reason()).isEqualTo("appointments.reminder.notPlanned.past");
        assertThat(line.dueAt()).isEqualTo(DUE);
        assertThat(line.timingKey()).isEqualTo("appointments.plan.daysBefore");
        assertThat(line.timingArguments()).containsExactly(2, "10:00 AM");
        assertThat(line.shown()).isTrue();
    }

    @Test
    void eachStateOfItsScheduledText() {
        assertThat(line(text("SCHEDULED", null, null, null, null, null))).extracting(ReminderLine::state)
                .isEqualTo("PLANNED");
        assertThat(line(text("SCHEDULED", "RETRY", OPENS, "20429", null, null))).extracting(ReminderLine::state)
                .as("a retry after a temporary refusal is still planned").isEqualTo("PLANNED");
        ReminderLine waiting = line(text("SCHEDULED", "QUIET_HOURS", OPENS, null, null, null));
        assertThat(waiting.state()).isEqualTo("WAITING");
        assertThat(waiting.waitingOpen()).isEqualTo(OPENS);
        ReminderLine sent = line(text("SENT", null, null, null, 42L, "delivered"));
        assertThat(sent.state()).isEqualTo("SENT");
        assertThat(sent.reason()).isEqualTo("delivered");
        assertThat(sent.messageId()).isEqualTo(42L);
        ReminderLine held = line(text("HELD", null, null, "client.texting.notOkay", null, null));
        assertThat(held.state()).isEqualTo("HELD");
        assertThat(held.reason()).isEqualTo("client.texting.notOkay");
        ReminderLine failed = line(text("FAILED", null, null, "21211", null, null));
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.reason()).isEqualTo("21211");
        assertThat(line(text("CANCELLED", null, null, null, null, null)).state()).isEqualTo("CANCELLED");
    }

    @Test
    void anEarlierReminderIsShownOnlyWhenItWent() {
        assertThat(ReminderLine.of(reminder(7L, null, false), text("SENT", null, null, null, 42L, "sent")).shown())
                .isTrue();
        assertThat(ReminderLine.of(reminder(7L, null, false), text("CANCELLED", null, null, null, null, null))
                .shown()).isFalse();
        assertThat(ReminderLine.of(reminder(null, ReminderPlanner.NOT_PLANNED_PAST, false), null).shown()).isFalse();
        assertThat(ReminderLine.of(reminder(7L, null, false), text("SENT", null, null, null, 42L, "sent")).earlier())
                .isTrue();
    }

    @Test
    void aReminderStillWaitingIsEarlierOnlyWhenItIsNotTheCurrentOne() {
        assertThat(ReminderLine.of(reminder(7L, null, false), text("SCHEDULED", null, null, null, null, null))
                .earlier()).isTrue();
        assertThat(ReminderLine.of(reminder(7L, null, false), text("SCHEDULED", "QUIET_HOURS", OPENS, null, null,
                null)).earlier()).isTrue();
        assertThat(line(text("SCHEDULED", null, null, null, null, null)).earlier()).isFalse();
        assertThat(line(text("SCHEDULED", "QUIET_HOURS", OPENS, null, null, null)).earlier()).isFalse();
    }

    private static ReminderLine line(ScheduledText text) {
        return ReminderLine.of(reminder(7L, null, true), text);
    }

    private static AppointmentRows.Reminder reminder(Long scheduledId, String notPlanned, boolean current) {
        return new AppointmentRows.Reminder(1, 2, DUE, scheduledId, notPlanned, current, TWO_DAYS);
    }

    private static ScheduledText text(String state, String waitingFor, Instant nextTry, String reason, Long messageId,
            String messageStatus) {
        return new ScheduledText(7, 3, "Jordan Avery", 4L, "Hi", DUE, state, waitingFor, nextTry, reason, messageId,
                messageStatus, 5, "Casey Worker", false, "+14045387319", null);
    }
}
