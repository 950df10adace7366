package org.textdesk.client;

import java.time.Instant;
import java.util.List;

/**
 * The last few texts of a client or a case, newest first, as the client record and the case page show them,
 * and how many there are in all (for the link to all of them).
 */
public record RecentTexts(List<RecentText> texts, long total) {

    public static final RecentTexts NONE = new RecentTexts(List.of(), 0);

    /** How many texts the client record and the case page show. */
    public static final int SHOWN = 5;

    public RecentTexts {
        texts = List.copyOf(texts);
    }

    public boolean more() {
        return total > texts.size();
    }

    /**
     * @param status the current status (received for an incoming text)
     * @param statusTone ok, bad or muted: the badge's colour, which only helps the words
     */
    public record RecentText(long id, boolean incoming, String body, Instant time, String status,
            String statusTone) {
    }
}
