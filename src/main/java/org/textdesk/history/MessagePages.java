package org.textdesk.history;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientService;
import org.textdesk.inbox.IncomingInbox;
import org.textdesk.inbox.IncomingText;
import org.textdesk.staff.StaffService;
import org.textdesk.system.NotFoundException;
import org.textdesk.texts.PhoneNumbers;
import org.textdesk.texts.Sql;
import org.textdesk.texts.TextMessage;
import org.textdesk.texts.TextMessageRepository;

/** Reads one text with its status history for its page. */
@Component
class MessagePages {

    private final TextMessageRepository messages;
    private final ClientService clientService;
    private final CaseService caseService;
    private final StaffService staffService;
    private final JdbcTemplate jdbc;
    private final IncomingInbox incomingInbox;

    MessagePages(TextMessageRepository messages, ClientService clientService, CaseService caseService,
            StaffService staffService, JdbcTemplate jdbc, IncomingInbox incomingInbox) {
        this.incomingInbox = incomingInbox;
        this.messages = messages;
        this.clientService = clientService;
        this.caseService = caseService;
        this.staffService = staffService;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    MessageDetails details(long messageId) {
        TextMessage message = messages.findById(messageId).orElseThrow(() -> new NotFoundException("text", messageId));
        Client client = message.getClientId() == null ? null : clientService.findClient(message.getClientId());
        String caseNumber = message.getCaseId() == null ? null : caseService.findCase(message.getCaseId()).getCaseNumber();
        String sentBy = message.getSentBy() == null ? "" : staffService.findStaff(message.getSentBy()).getDisplayName();
        List<MessageDetails.StatusEvent> history = history(messageId);
        String to = PhoneNumbers.display(message.getToNumber());
        List<IncomingText.LinkedClient> linked = message.getDirection() == TextMessage.Direction.INBOUND
                ? incomingInbox.find(messageId).clients() : List.of();
        return new MessageDetails(message, message.getClientId(), client == null ? null : client.getFullName(), to,
                caseNumber, sentBy, history, linked);
    }

    /**
     * Only what the status part of a text's page shows (the current status, its error, the history):
     * two statements, for the page asking every few seconds while the text is on its way.
     */
    @Transactional(readOnly = true)
    MessageDetails status(long messageId) {
        TextMessage message = messages.findById(messageId).orElseThrow(() -> new NotFoundException("text", messageId));
        return new MessageDetails(message, message.getClientId(), null, null, null, null, history(messageId),
                List.of());
    }

    /** Every status reported for the text, in Twilio's order ({@link MessageDetails.StatusEvent#TWILIO_ORDER}). */
    private List<MessageDetails.StatusEvent> history(long messageId) {
        List<MessageDetails.StatusEvent> history = new java.util.ArrayList<>(jdbc.query("""
                select status, error_code, coalesce(reported_at, received_at) as event_time, received_at
                from message_status_events where text_message_id = ? order by id""",
                (row, n) -> new MessageDetails.StatusEvent(row.getString("status"), row.getString("error_code"),
                        Sql.instant(row, "event_time"), Sql.instant(row, "received_at")),
                messageId));
        history.sort(MessageDetails.StatusEvent.TWILIO_ORDER);
        return history;
    }
}
