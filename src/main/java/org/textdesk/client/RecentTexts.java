package org.textdesk.client;

import java.time.Instant;
import java.util.List;

/**
 * The last few texts of a client or a case, newest first, as the client record and the case page show them,
 * and whether there are more than these (read with one more row, so no count is needed).
 */
public record RecentTexts(List<RecentText> texts, boolean more) {

    public static final RecentTexts NONE = new RecentTexts(List.of(), false);

    /** How many texts the client record and the case page show. */
    public static final int SHOWN = 5;

    public RecentTexts {
        texts = List.copyOf(texts);
    }

    /**
     * @param status the current status (received for an incoming text)
     * @param statusTone ok, bad or muted: the badge's colour, which only helps the words
     */
    public record RecentText(long id, boolean incoming, String body, Instant time, String status,
            String statusTone) {
    }
}
