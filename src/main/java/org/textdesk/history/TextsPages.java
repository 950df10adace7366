package org.textdesk.history;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.textdesk.media.TextAttachment;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientService;
import org.textdesk.inbox.IncomingInbox;
import org.textdesk.media.TextAttachments;
import org.textdesk.system.Choice;
import org.textdesk.system.OrganisationTime;

/** Reads the Texts pages and the case exports; a fixed handful of SQL statements each, whatever the count. */
@Component
class TextsPages {

    private final TextTimeline timeline;
    private final IncomingInbox incomingInbox;
    private final ClientService clientService;
    private final CaseService caseService;
    private final OrganisationTime organisationTime;
    private final MessageSource messageSource;
    private final Clock clock;
    private final TextAttachments textAttachments;

    TextsPages(TextTimeline timeline, IncomingInbox incomingInbox, ClientService clientService,
            CaseService caseService, OrganisationTime organisationTime, MessageSource messageSource, Clock clock,
            TextAttachments textAttachments) {
        this.textAttachments = textAttachments;
        this.timeline = timeline;
        this.incomingInbox = incomingInbox;
        this.clientService = clientService;
        this.caseService = caseService;
        this.organisationTime = organisationTime;
        this.messageSource = messageSource;
        this.clock = clock;
    }

    /**
     * A page of the client's Texts, of one of their cases when {@code caseId} is one (any other value
     * shows every text). The client's incoming texts are read from now on, for the staff member too; this
     * page still marks the ones nobody had read.
     */
    @Transactional
    TextsPage clientTexts(long clientId, Long caseId, int pageNumber, long staffId) {
        Client client = clientService.findClient(clientId);
        List<CaseRecord> cases = caseService.casesOfClient(clientId);
        CaseRecord chosen = cases.stream().filter(caseRecord -> caseRecord.getId().equals(caseId)).findFirst()
                .orElse(null);
        Page<TimelineRow> texts = timeline.page(chosen == null ? TimelineScope.ofClient(clientId)
                : TimelineScope.ofCase(chosen, organisationTime.zone()), pageNumber);
        incomingInbox.markReadForClient(clientId, staffId);
        List<Choice> choices = new ArrayList<>();
        choices.add(Choice.of(null, words("texts.filter.all")));
        cases.forEach(caseRecord -> choices.add(Choice.of(caseRecord.getId(), caseRecord.isOpen()
                ? words("texts.filter.case", caseRecord.getCaseNumber(), caseRecord.getTitle())
                : words("texts.filter.closedCase", caseRecord.getCaseNumber(), caseRecord.getTitle()))));
        return new TextsPage(client, chosen, false, choices, texts, attachmentsOf(texts));
    }

    /** A page of a case's texts (see {@link TimelineScope} for which texts those are). */
    @Transactional(readOnly = true)
    TextsPage caseTexts(long caseId, int pageNumber) {
        CaseRecord caseRecord = caseService.findCase(caseId);
        Client client = clientService.findClient(caseRecord.getClientId());
        Page<TimelineRow> texts = timeline.page(TimelineScope.ofCase(caseRecord, organisationTime.zone()), pageNumber);
        return new TextsPage(client, caseRecord, true, List.of(), texts, attachmentsOf(texts));
    }

    /** Every text of a case with its status history, oldest first. */
    @Transactional(readOnly = true)
    CaseTexts caseExport(long caseId) {
        CaseRecord caseRecord = caseService.findCase(caseId);
        Client client = clientService.findClient(caseRecord.getClientId());
        List<TextTimeline.TimelineEntry> entries = timeline.everything(TimelineScope.ofCase(caseRecord,
                organisationTime.zone()));
        return new CaseTexts(caseRecord, client, entries, clock.instant(), textAttachments.ofTexts(
                entries.stream().filter(entry -> entry.row().incoming()).map(entry -> entry.row().id()).toList()));
    }

    /**
     * The files of the page's texts (only incoming ones have any): one more statement for every page with texts,
     * whatever mix of sent and received texts it shows.
     */
    private Map<Long, List<TextAttachment>> attachmentsOf(Page<TimelineRow> texts) {
        return textAttachments.ofTexts(texts.getContent().stream().map(TimelineRow::id).toList());
    }

    private String words(String key, Object... arguments) {
        return messageSource.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
