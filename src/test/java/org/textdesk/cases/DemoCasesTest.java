package org.textdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.textdesk.IntegrationTest;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.StaffPrincipal;

class DemoCasesTest extends IntegrationTest {

    @Autowired
    CaseService caseService;

    @Autowired
    CaseRepository caseRepository;

    @Autowired
    ClientService clientService;

    @Autowired
    ApplicationContext context;

    @Test
    void opensTheSeedsCaseForTheDemoClientOnceWhenThereAreNone() {
        StaffPrincipal casey = as(newCaseworker());
        Client jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, casey);
        Client maria = ClientFixture.client("Maria", "Lopez").cell("770", "555-0188").safe(true).okayToText(true)
                .create(clientService, casey);
        ClientFixture.client("Luis", "Lopez").cell("770", "555-0188").safe(false).okayToText(false)
                .create(clientService, casey);
        DemoCases demo = new DemoCases(caseService, caseRepository, clientService);
        demo.run(new DefaultApplicationArguments());

        assertThat(caseService.casesOfClient(jordan.getId())).extracting(CaseRecord::getCaseNumber)
                .containsExactly("16E-20010101", "15C-19990412");
        assertThat(caseService.casesOfClient(maria.getId())).extracting(CaseRecord::getCaseNumber)
                .containsExactly("16E-20010117");
        assertThat(caseRepository.count()).isEqualTo(3);

        demo.run(new DefaultApplicationArguments());
        assertThat(caseRepository.count()).isEqualTo(3);
    }

    @Test
    void isOnlyForTheEmbeddedDefault() {
        assertThat(context.getBeanNamesForType(ApplicationRunner.class)).doesNotContain("demoCases");
    }
}
