package org.textdesk.reminders;

/**
 * A scheduled text as a row of a page: its time in the organisation's zone and in the client's, and the time it
 * waits until (quiet hours, a retry), in the client's.
 */
public record ScheduledRow(ScheduledText text, String sendAt, String clientTime, String waitingUntil) {
}
