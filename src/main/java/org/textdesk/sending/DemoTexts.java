package org.textdesk.sending;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientService;
import org.textdesk.staff.StaffService;
import org.textdesk.system.ConditionalOnEmbeddedDefault;
import org.textdesk.texts.ClientTextLinks;
import org.textdesk.texts.StatusHistory;
import org.textdesk.texts.TextMessage;
import org.textdesk.texts.TextMessageRepository;

/**
 * A few made-up texts for the embedded default, so the Texts, Message Status and Incoming screens have
 * something to show: the seed's text to Jordan Avery with its queued, sent and delivered reports and a
 * reply, an undelivered text to Robin Nguyen (flagged on the record), a text from the Lopez family's
 * shared number and one from an unknown number. Never on a real database.
 */
@Component
@ConditionalOnEmbeddedDefault
@Order(40)
class DemoTexts implements ApplicationRunner {

    /** The seed's Twilio #. */
    private static final String TWILIO_NUMBER = "+14044764365";

    private final TextMessageRepository messages;
    private final ClientTextLinks links;
    private final StatusHistory statusHistory;
    private final ClientService clientService;
    private final CaseService caseService;
    private final StaffService staffService;

    private final SentTextRows sentTextRows;

    DemoTexts(TextMessageRepository messages, ClientTextLinks links, StatusHistory statusHistory,
            ClientService clientService, CaseService caseService, StaffService staffService, SentTextRows sentTextRows) {
        this.sentTextRows = sentTextRows;
        this.messages = messages;
        this.links = links;
        this.statusHistory = statusHistory;
        this.clientService = clientService;
        this.caseService = caseService;
        this.staffService = staffService;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (messages.count() > 0) {
            return;
        }
        Optional<Client> jordan = client("+14045387319");
        Optional<Long> casey = staffService.listStaff().stream()
                .filter(staff -> staff.getUsername().equals("casey")).map(staff -> staff.getId()).findFirst();
        if (jordan.isEmpty() || casey.isEmpty()) {
            return;
        }
        Long rentalCase = caseService.casesOfClient(jordan.get().getId()).stream()
                .filter(caseRecord -> caseRecord.getCaseNumber().equals("16E-20010101")).map(CaseRecord::getId)
                .findFirst().orElse(null);
        Instant seedTime = Instant.parse("2016-08-17T18:30:55Z");
        sent(jordan.get(), rentalCase, casey.get(),
                "Please remember that you are to bring your rental agreement tomorrow when we meet.", seedTime,
                List.of("queued", "sent", "delivered"), List.of(0, 1, 1), null);
        received("+14045387319", "OK. Can we meet at 3 instead?", seedTime.plusSeconds(1_800), jordan.get());
        sent(jordan.get(), rentalCase, casey.get(), "3 works. See you then.", seedTime.plusSeconds(2_100),
                List.of("queued", "sent"), List.of(0, 2), null);
        client("+14045550142").ifPresent(robin -> sent(robin, null, casey.get(),
                "You missed your appointment. Please contact our office as soon as possible.",
                seedTime.plusSeconds(86_400), List.of("queued", "sent", "undelivered"), List.of(0, 1, 9), "30003"));
        List<Client> lopez = clientService.findClientsByCell("+17705550188");
        received("+17705550188", "This is Maria. Please call me about the housing forms.",
                seedTime.plusSeconds(90_000), lopez.toArray(Client[]::new));
        received("+14045550100", "Hi, this is Jordan Avery. I have a new phone number.",
                seedTime.plusSeconds(172_800));
    }

    private Optional<Client> client(String e164) {
        return clientService.findClientsByCell(e164).stream().findFirst();
    }

    private void sent(Client client, Long caseId, long staffId, String body, Instant at, List<String> statuses,
            List<Integer> secondsAfter, String lastErrorCode) {
        TextMessage message = messages.saveAndFlush(TextMessage.outbound(client.getId(), caseId,
                client.getCellE164(), TWILIO_NUMBER, body, staffId, "demo-" + at.toEpochMilli(), null, at));
        links.link(client.getId(), message);
        sentTextRows.recordTwilioSid(message.getId(), "SMdemo" + message.getId());
        for (int i = 0; i < statuses.size(); i++) {
            statusHistory.record(message.getId(), statuses.get(i),
                    i == statuses.size() - 1 ? lastErrorCode : null, at.plusSeconds(secondsAfter.get(i)));
        }
    }

    private void received(String from, String body, Instant at, Client... clients) {
        TextMessage message = messages.saveAndFlush(TextMessage.inbound("SMdemoin" + at.toEpochMilli(), from,
                TWILIO_NUMBER, body, clients.length == 0, at));
        for (Client client : clients) {
            links.link(client.getId(), message);
        }
    }
}
