package org.textdesk.history;

import org.springframework.data.domain.Page;
import org.textdesk.client.RecentTexts;
import org.textdesk.client.RecentTexts.RecentText;

/** Timeline rows as the client record and the case page list them. */
final class RecentTextRows {

    private RecentTextRows() {
    }

    static RecentTexts of(Page<TimelineRow> latest) {
        return new RecentTexts(latest.getContent().stream().map(row -> new RecentText(row.id(), row.incoming(),
                row.body(), row.time(), row.status(), row.statusTone())).toList(), latest.getTotalElements());
    }
}
