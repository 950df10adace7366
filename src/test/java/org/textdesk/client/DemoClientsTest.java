package org.textdesk.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.textdesk.IntegrationTest;
import org.textdesk.staff.Role;
import org.textdesk.staff.StaffRepository;

class DemoClientsTest extends IntegrationTest {

    @Autowired
    ClientService clientService;

    @Autowired
    ClientRepository clientRepository;

    @Autowired
    StaffRepository staffRepository;

    @Autowired
    ApplicationContext context;

    @Test
    void createsTheSeedsClientAndAFewOthersOnceWhenThereAreNone() {
        staffService.createStaff("casey", "Casey Worker", Role.CASEWORKER, STAFF_PASSWORD);
        DemoClients demo = new DemoClients(clientService, clientRepository, staffRepository);
        demo.run(new DefaultApplicationArguments());

        Client seed = clientService.findClientsByCell("+14045387319").get(0);
        assertThat(seed.isOkayToText()).isTrue();
        assertThat(seed.isSafe()).isTrue();
        assertThat(clientService.findClientsByCell("+17705550188")).hasSize(2);
        assertThat(clientRepository.findAll()).anySatisfy(client -> assertThat(client.getCell()).isEmpty())
                .anySatisfy(client -> assertThat(client.textingBlockedReason())
                        .contains(Client.OKAY_TO_TEXT_UNTICKED));
        long clients = clientRepository.count();

        demo.run(new DefaultApplicationArguments());
        assertThat(clientRepository.count()).isEqualTo(clients);
    }

    @Test
    void isOnlyForTheEmbeddedDefault() {
        assertThat(context.getBeanNamesForType(ApplicationRunner.class)).doesNotContain("demoClients");
    }
}
