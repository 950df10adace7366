package org.textdesk.history;

import java.util.List;
import org.textdesk.client.RecentTexts;
import org.textdesk.client.RecentTexts.RecentText;

/** Timeline rows as the client record and the case page list them. */
final class RecentTextRows {

    private RecentTextRows() {
    }

    /** The first {@link RecentTexts#SHOWN} rows of the newest ones read; a row beyond them means there are more. */
    static RecentTexts of(List<TimelineRow> newest) {
        return new RecentTexts(newest.stream().limit(RecentTexts.SHOWN).map(row -> new RecentText(row.id(),
                row.incoming(), row.body(), row.time(), row.status(), row.statusTone())).toList(),
                newest.size() > RecentTexts.SHOWN);
    }
}
