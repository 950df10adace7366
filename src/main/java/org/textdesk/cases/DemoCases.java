package org.textdesk.cases;

import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.textdesk.client.ClientService;
import org.textdesk.system.ConditionalOnEmbeddedDefault;

/**
 * The demo clients' cases for the embedded default, after the client module made the clients: the seed's
 * case 16E-20010101 for Jordan Avery, a closed one, and one each for Dana Brooks and Maria Lopez. Only when
 * there are no cases yet; never on a real database.
 */
@Component
@ConditionalOnEmbeddedDefault
@Order(25)
class DemoCases implements ApplicationRunner {

    private final CaseService caseService;
    private final CaseRepository caseRepository;
    private final ClientService clientService;

    DemoCases(CaseService caseService, CaseRepository caseRepository, ClientService clientService) {
        this.caseService = caseService;
        this.caseRepository = caseRepository;
        this.clientService = clientService;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (caseRepository.count() > 0) {
            return;
        }
        open("+14045387319", "Jordan", "16E-20010101", "Rental assistance", LocalDate.of(2016, 8, 1), null);
        open("+14045387319", "Jordan", "15C-19990412", "Job training referral", LocalDate.of(2015, 3, 9),
                LocalDate.of(2015, 11, 20));
        open("+16785550123", "Dana", "16E-20010102", "Utility bill support", LocalDate.of(2016, 8, 3), null);
        open("+17705550188", "Maria", "16E-20010117", "Family housing", LocalDate.of(2016, 8, 15), null);
    }

    private void open(String cellE164, String firstName, String caseNumber, String title, LocalDate openedOn,
            LocalDate closedOn) {
        clientService.findClientsByCell(cellE164).stream()
                .filter(client -> client.getFirstName().equals(firstName)).findFirst()
                .ifPresent(client -> caseService.openCase(client.getId(), caseNumber, title, openedOn, closedOn));
    }
}
