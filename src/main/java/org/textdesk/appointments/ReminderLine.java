package org.textdesk.appointments;

import java.time.Instant;
import org.textdesk.reminders.ScheduledText;

/**
 * One reminder of an appointment as the pages show it: when it goes (by its plan) and its state - not planned
 * (why), planned, waiting for quiet hours to end (until when), sent (Twilio's status and the text), held (why),
 * cancelled, failed (Twilio's code).
 *
 * @param timing      its plan's timing
 * @param dueAt       when it goes (or went), in the organisation's time
 * @param state       NOT_PLANNED, PLANNED, WAITING, SENT, HELD, CANCELLED or FAILED
 * @param reason      NOT_PLANNED and HELD: a message key; FAILED: Twilio's error code; SENT: Twilio's status
 * @param waitingOpen WAITING: when quiet hours end (an instant, shown in the organisation's time)
 * @param messageId   SENT: the text
 * @param earlier     a reminder of the appointment's earlier time, kept because it went
 */
public record ReminderLine(ReminderTiming timing, Instant dueAt, String state, String reason, Instant waitingOpen, Long messageId,
        boolean earlier) {

    static final String NOT_PLANNED = "NOT_PLANNED";
    static final String PLANNED = "PLANNED";
    static final String WAITING = "WAITING";

    /** The line of a reminder and its scheduled text (null when it was not planned). */
    static ReminderLine of(AppointmentRows.Reminder reminder, ScheduledText text) {
        ReminderTiming timing = reminder.timing();
        if (text == null) {
            return new ReminderLine(timing, reminder.dueAt(), NOT_PLANNED, reminder.notPlanned(), null, null,
                    !reminder.current());
        }
        return switch (text.state()) {
            case ScheduledText.SCHEDULED -> text.waitingForQuietHours()
                    ? new ReminderLine(timing, reminder.dueAt(), WAITING, null, text.nextTryAt(), null,
                            !reminder.current())
                    : new ReminderLine(timing, reminder.dueAt(), PLANNED, null, null, null, !reminder.current());
            case ScheduledText.SENT -> new ReminderLine(timing, reminder.dueAt(), ScheduledText.SENT,
                    text.messageStatus(), null, text.messageId(), !reminder.current());
            default -> new ReminderLine(timing, reminder.dueAt(), text.state(), text.reason(), null, null,
                    !reminder.current());
        };
    }

    /** Earlier reminders are shown only when they went: the others were replaced by the current ones. */
    public boolean shown() {
        return !earlier || ScheduledText.SENT.equals(state);
    }

    public String timingKey() {
        return timing.wordsKey();
    }

    public Object[] timingArguments() {
        return timing.wordsArguments();
    }
}
