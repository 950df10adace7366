package org.textdesk.history;

import java.util.List;
import org.springframework.data.domain.Page;
import org.textdesk.cases.CaseRecord;
import org.textdesk.client.Client;
import org.textdesk.system.Choice;

/**
 * The Texts page: a client's timeline, or a case's texts.
 *
 * @param caseRecord the case shown, on a case's Texts or a client's Texts filtered by case; else null
 * @param ofCase the page of a case (/cases/{id}/texts) rather than of a client
 * @param caseChoices the client's Texts' case filter: every text, then each of the client's cases
 */
record TextsPage(Client client, CaseRecord caseRecord, boolean ofCase, List<Choice> caseChoices,
        Page<TimelineRow> texts) {
}
