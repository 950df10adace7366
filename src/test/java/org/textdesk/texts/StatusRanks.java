package org.textdesk.texts;

import java.util.Map;

/**
 * The status ranks of DESIGN.md "Twilio webhooks" written out for fixtures that write rows directly, so that
 * no fixture computes a rank with the code under test (MessageStatusTest pins MessageStatus to the same table).
 */
final class StatusRanks {

    private static final Map<String, Integer> RANKS = Map.ofEntries(Map.entry("pending", -2),
            Map.entry("unknown", -1), Map.entry("accepted", 0), Map.entry("scheduled", 0), Map.entry("queued", 0),
            Map.entry("sending", 1), Map.entry("sent", 2), Map.entry("delivered", 3), Map.entry("undelivered", 3),
            Map.entry("failed", 3), Map.entry("canceled", 3), Map.entry("not_sent", 3), Map.entry("received", 3),
            Map.entry("read", 4));

    private StatusRanks() {
    }

    static int of(String status) {
        Integer rank = RANKS.get(status);
        if (rank == null) {
            throw new IllegalArgumentException("no rank written out for status " + status);
        }
        return rank;
    }
}
