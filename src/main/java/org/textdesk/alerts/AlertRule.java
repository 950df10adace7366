package org.textdesk.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** When a caseworker is due an email alert, and which waits they may choose. */
final class AlertRule {

    /** The hours a caseworker may choose to wait for; no choice is "off". */
    static final List<Integer> CHOICES = List.of(1, 2, 4, 8, 24);

    /** At most one alert per caseworker in this time. */
    static final Duration AT_MOST_EVERY = Duration.ofHours(1);

    private AlertRule() {
    }

    static boolean isChoice(int hours) {
        return CHOICES.contains(hours);
    }

    /**
     * Whether to email now: an unread text has waited more than {@code afterHours} hours, and the last alert,
     * if any, went out at least an hour ago.
     *
     * @param oldestUnread when the oldest unread text from the caseworker's clients came in; null when none
     * @param lastSent when the last alert went out; null when never
     */
    static boolean isDue(Instant oldestUnread, int afterHours, Instant lastSent, Instant now) {
        if (oldestUnread == null || !now.isAfter(oldestUnread.plus(Duration.ofHours(afterHours)))) {
            return false;
        }
        return lastSent == null || !now.isBefore(lastSent.plus(AT_MOST_EVERY));
    }

    /** The last-sent time before which a new alert may go out now (the job's conditional update). */
    static Instant sentBeforeOrAt(Instant now) {
        return now.minus(AT_MOST_EVERY);
    }
}
