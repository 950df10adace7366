package org.textdesk.appointments;

import java.time.Instant;
import java.util.List;

/**
 * An appointment as the case page and the client record show it, with its reminders and what the client answered.
 *
 * @param when   its date and time in the organisation's zone, in words
 * @param answer CONFIRMED, RESCHEDULE or null
 */
public record AppointmentView(long id, long caseId, String caseNumber, Instant startsAt, String when, String place,
        String note,
        String staffName, boolean booked, boolean upcoming, String answer, Instant answeredAt,
        List<ReminderLine> reminders) {

    /** Reminders not planned because their time had passed when it was booked (the page says so). */
    public boolean someTooLate() {
        return reminders.stream().anyMatch(line -> ReminderPlanner.NOT_PLANNED_PAST.equals(line.reason())
                && ReminderLine.NOT_PLANNED.equals(line.state()) && !line.earlier());
    }
}
