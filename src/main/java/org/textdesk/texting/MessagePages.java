package org.textdesk.texting;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.cases.CaseService;
import org.textdesk.client.CellNumber;
import org.textdesk.client.Client;
import org.textdesk.client.ClientService;
import org.textdesk.staff.StaffService;
import org.textdesk.system.NotFoundException;

/** Reads one text with its status history for its page. */
@Component
class MessagePages {

    private final TextMessageRepository messages;
    private final ClientService clientService;
    private final CaseService caseService;
    private final StaffService staffService;
    private final JdbcTemplate jdbc;

    MessagePages(TextMessageRepository messages, ClientService clientService, CaseService caseService,
            StaffService staffService, JdbcTemplate jdbc) {
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
        List<MessageDetails.StatusEvent> history = jdbc.query("""
                select status, error_code, coalesce(reported_at, received_at) as event_time
                from message_status_events where text_message_id = ? order by id""",
                (row, n) -> new MessageDetails.StatusEvent(row.getString("status"), row.getString("error_code"),
                        row.getObject("event_time", OffsetDateTime.class).toInstant()),
                messageId);
        String to = CellNumber.fromE164(message.getToNumber()).map(CellNumber::display).orElse(message.getToNumber());
        return new MessageDetails(message, message.getClientId(), client == null ? null : client.getFullName(), to,
                caseNumber, sentBy, history);
    }
}
