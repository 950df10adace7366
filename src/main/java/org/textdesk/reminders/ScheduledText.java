package org.textdesk.reminders;

import java.time.Instant;

/** A scheduled text as the pages show it. */
public record ScheduledText(long id, long clientId, String clientName, Long caseId, String body, Instant dueAt,
        String state, String waitingFor, Instant nextTryAt, String reason, Long messageId, String messageStatus,
        long createdBy, String createdByName, boolean confirmNotSafe, String clientCell, String clientZoneOverride) {

    public static final String SCHEDULED = "SCHEDULED";
    public static final String SENT = "SENT";
    public static final String HELD = "HELD";
    public static final String CANCELLED = "CANCELLED";
    public static final String FAILED = "FAILED";

    /** Edit and cancel are offered until it goes (and on a held text, which did not go). */
    public boolean changeable() {
        return SCHEDULED.equals(state) || HELD.equals(state);
    }

    public boolean waitingForQuietHours() {
        return SCHEDULED.equals(state) && "QUIET_HOURS".equals(waitingFor);
    }
}
