package org.textdesk.history;

import org.springframework.stereotype.Component;
import org.textdesk.cases.CaseRecentTexts;
import org.textdesk.cases.CaseRecord;
import org.textdesk.client.RecentTexts;
import org.textdesk.system.OrganisationTime;

/** The case page's last few texts: the case's timeline as its Texts page defines it, newest first. */
@Component
class CaseRecentTextsQuery implements CaseRecentTexts {

    private final TextTimeline timeline;
    private final OrganisationTime organisationTime;

    CaseRecentTextsQuery(TextTimeline timeline, OrganisationTime organisationTime) {
        this.timeline = timeline;
        this.organisationTime = organisationTime;
    }

    @Override
    public RecentTexts recentTextsOf(CaseRecord caseRecord) {
        return RecentTextRows.of(timeline.latest(TimelineScope.ofCase(caseRecord, organisationTime.zone()),
                RecentTexts.SHOWN));
    }
}
