package org.textdesk.inbox;

import java.time.Instant;

/**
 * The unread texts from a caseworker's clients, as My inbox counts them, for other modules (email alerts):
 * how many, and when the oldest of them came in.
 */
public interface UnreadFromMyClients {

    /**
     * @param oldestReceivedAt when the oldest unread text came in; null when there is none
     */
    record Unread(long count, Instant oldestReceivedAt) {
    }

    Unread unreadSummaryOf(long caseworkerId);
}
