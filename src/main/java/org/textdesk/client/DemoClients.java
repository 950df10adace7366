package org.textdesk.client;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.textdesk.language.Languages;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.staff.StaffRepository;
import org.textdesk.system.ConditionalOnEmbeddedDefault;

/**
 * A few made-up clients for the embedded default, so a newcomer can click through at once:
 * the seed's client (404-538-7319), one who has not agreed to texts, one without a
 * cell, two family members sharing a number, and one for each of the built-in sandbox's failing numbers;
 * the cases module adds their cases. The other numbers are from the 555-01xx range kept for fiction.
 * Never on a real database.
 */
@Component
@ConditionalOnEmbeddedDefault
@Order(20)
class DemoClients implements ApplicationRunner {

    private final ClientService clientService;
    private final ClientRepository clientRepository;
    private final StaffRepository staffRepository;

    DemoClients(ClientService clientService, ClientRepository clientRepository, StaffRepository staffRepository) {
        this.clientService = clientService;
        this.clientRepository = clientRepository;
        this.staffRepository = staffRepository;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (clientRepository.count() > 0) {
            return;
        }
        StaffPrincipal casey = staffRepository.findByUsernameIgnoreCase("casey")
                .or(() -> staffRepository.findAll().stream().findFirst())
                .map(StaffPrincipal::of).orElse(null);
        if (casey == null) {
            return;
        }
        add(casey, "Jordan", "Avery", "404", "538-7319", true, true);
        add(casey, "Dana", "Brooks", "678", "555-0123", true, false);
        add(casey, "Sam", "Carter", "", "", false, false);
        // Maria prefers Spanish: the Send Text form offers her the Spanish Quick Entries first.
        add(casey, "Maria", "Lopez", "770", "555-0188", true, true, Languages.SPANISH_ID);
        add(casey, "Luis", "Lopez", "770", "555-0188", false, false);
        add(casey, "Robin", "Nguyen", "404", "555-0142", true, true);
        // The sandbox's numbers that fail as Twilio's can (src/docs/sandbox.md): named for what they do.
        add(casey, "Uma", "Undelivered", "404", "555-0130", true, true);
        add(casey, "Stella", "Stopped", "404", "555-0131", true, true);
        add(casey, "Lana", "Landline", "404", "555-0132", true, true);
        add(casey, "Noah", "Noanswer", "404", "555-0133", true, true);
    }

    private Client add(StaffPrincipal casey, String firstName, String lastName, String areaCode, String number,
            boolean safe, boolean okayToText) {
        return add(casey, firstName, lastName, areaCode, number, safe, okayToText, Languages.ENGLISH_ID);
    }

    private Client add(StaffPrincipal casey, String firstName, String lastName, String areaCode, String number,
            boolean safe, boolean okayToText, long languageId) {
        return clientService.createClient(
                new ClientDetails(firstName, lastName, areaCode, number, safe, okayToText, "", languageId), casey);
    }
}
