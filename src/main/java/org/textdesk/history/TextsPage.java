package org.textdesk.history;

import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.textdesk.cases.CaseRecord;
import org.textdesk.client.Client;
import org.textdesk.media.TextAttachment;
import org.textdesk.system.Choice;

/**
 * The Texts page: a client's timeline, or a case's texts.
 *
 * @param caseRecord the case shown, on a case's Texts or a client's Texts filtered by case; else null
 * @param ofCase the page of a case (/cases/{id}/texts) rather than of a client
 * @param caseChoices the client's Texts' case filter: every text, then each of the client's cases
 * @param attachments the files of the page's texts that have any, by text id
 */
record TextsPage(Client client, CaseRecord caseRecord, boolean ofCase, List<Choice> caseChoices,
        Page<TimelineRow> texts, Map<Long, List<TextAttachment>> attachments) {
}
