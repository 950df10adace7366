package org.textdesk.sandbox.api;

import java.time.Duration;
import java.util.List;

/**
 * What happens to a text sent through the sandbox, chosen by the number it goes to, in the spirit of Twilio's
 * test numbers (all from the 555-01xx range kept for fiction; listed in src/docs/sandbox.md). Every other
 * number gets its text delivered.
 */
enum Destination {

    /** Accepted, then queued, sending, sent and delivered within a few seconds. */
    DELIVERED(null, null, List.of("queued", "sending", "sent", "delivered")),
    /** Accepted, then undelivered with 30003 (Unreachable destination handset): a phone that is off. */
    UNDELIVERED("+14045550130", null, List.of("queued", "sending", "sent", "undelivered")),
    /** Refused on create with 21610: the client has texted STOP to the Twilio number. */
    STOPPED("+14045550131", 21610, List.of()),
    /** Refused on create with 21614: a landline, which cannot receive texts. */
    LANDLINE("+14045550132", 21614, List.of()),
    /** The create call is never answered (longer than TextDesk waits); nothing is sent. */
    NEVER_ANSWERS("+14045550133", null, List.of());

    /** Error code of an undelivered text. */
    static final int UNREACHABLE_HANDSET = 30003;

    /** When each status after queued is reported, counted from the create call. */
    private static final List<Duration> STEP_DELAYS = List.of(Duration.ofMillis(300), Duration.ofMillis(1200),
            Duration.ofMillis(2200), Duration.ofMillis(3500));

    private final String number;
    private final Integer createError;
    private final List<String> statuses;

    Destination(String number, Integer createError, List<String> statuses) {
        this.number = number;
        this.createError = createError;
        this.statuses = statuses;
    }

    static Destination of(String toE164) {
        for (Destination destination : values()) {
            if (destination.number != null && destination.number.equals(toE164)) {
                return destination;
            }
        }
        return DELIVERED;
    }

    /** The number that behaves so; null for DELIVERED (any other number). */
    String number() {
        return number;
    }

    /** The Twilio error the create call answers with, or null when it is accepted. */
    Integer createError() {
        return createError;
    }

    /** The statuses reported after an accepted create, in order. */
    List<String> statuses() {
        return statuses;
    }

    /** How long after the create call status number {@code step} (0 = queued) is reported. */
    static Duration delayOf(int step) {
        return STEP_DELAYS.get(Math.min(step, STEP_DELAYS.size() - 1));
    }

    /** The error code reported with a final status; null when delivered. */
    Integer errorCodeOf(String status) {
        return "undelivered".equals(status) ? UNREACHABLE_HANDSET : null;
    }
}
