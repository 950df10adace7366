package org.textdesk.client;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the client record and the Clients list show about each client's texts: unread incoming texts,
 * and whether the last text sent to the client did not get through. The texting feature implements it,
 * so this package does not depend on it.
 */
public interface ClientTextingSummaries {

    /**
     * The summary of each of these clients (one page of them), in a single bounded query; every id asked
     * for has an entry.
     */
    Map<Long, TextingSummary> summariesOf(Collection<Long> clientIds);

    /** The client's last few texts, both directions, newest first, and how many there are in all. */
    RecentTexts recentTextsOf(long clientId);

    /**
     * @param unreadIncoming incoming texts in the client's timeline nobody has read
     * @param failedTextId the last text sent to the client, when it failed, was undelivered or was not
     *     sent; otherwise null
     * @param failedTextStatus that text's status (failed, undelivered, not_sent...)
     * @param failedTextSentAt when that text was sent
     * @param numberMayBeWrong two texts to the client's current cell failed for a reason that says the number
     *     cannot take texts, with none delivered since
     */
    record TextingSummary(long unreadIncoming, Long failedTextId, String failedTextStatus, Instant failedTextSentAt,
            boolean numberMayBeWrong) {

        public static final TextingSummary NONE = new TextingSummary(0, null, null, null, false);

        public boolean lastTextFailed() {
            return failedTextId != null;
        }
    }
}
