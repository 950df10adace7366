package org.textdesk.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/** Caseloads on PostgreSQL: the default caseworker, My clients, transfers, claims and their history. */
class CaseloadTest extends IntegrationTest {

    @Autowired
    ClientService clientService;

    Staff casey;
    Staff robin;
    Staff admin;

    @BeforeEach
    void staff() {
        casey = newCaseworker();
        robin = newCaseworker();
        admin = newAdmin();
    }

    private Client clientOf(Staff staff, String first, String last) {
        return ClientFixture.client(first, last).safe(true).okayToText(false).create(clientService, as(staff));
    }

    private Long caseworkerOf(Client client) {
        return jdbc.queryForObject("select caseworker_id from clients where id = ?", Long.class, client.getId());
    }

    private List<Map<String, Object>> historyOf(Client client) {
        return jdbc.queryForList("select caseworker_id, assigned_by, reason from caseload_assignments "
                + "where client_id = ? order by id", client.getId());
    }

    private MvcTestResult transfer(Client client, Staff by, String staffId) {
        return mvc.post().uri("/clients/{id}/caseworker", client.getId()).with(user(as(by))).with(csrf())
                .param("staffId", staffId).exchange();
    }

    @Test
    void aNewClientIsItsCreatorsWithAHistoryRow() {
        Client jordan = clientOf(casey, "Jordan", "Avery");
        assertThat(caseworkerOf(jordan)).isEqualTo(casey.getId());
        assertThat(historyOf(jordan)).containsExactly(
                Map.of("caseworker_id", casey.getId(), "assigned_by", casey.getId(), "reason", "CREATED"));
        assertThat(mvc.get().uri("/clients/{id}", jordan.getId()).with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("Assigned to " + casey.getDisplayName(), "Added the client", ">Transfer<");
    }

    @Test
    void myClientsIsACaseworkersDefaultAndAllClientsIsOneClickAway() {
        clientOf(casey, "Jordan", "Avery");
        clientOf(robin, "Dana", "Brooks");
        assertThat(mvc.get().uri("/clients").with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("Avery, Jordan").doesNotContain("Brooks, Dana")
                .contains("href=\"/clients?show=all&amp;q=\"");
        assertThat(mvc.get().uri("/clients?show=all").with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("Avery, Jordan", "Brooks, Dana");
        assertThat(mvc.get().uri("/clients?show=mine&q=Brooks").with(user(as(casey)))).hasStatusOk().bodyText()
                .doesNotContain("Brooks, Dana");
        assertThat(mvc.get().uri("/clients?show=all&q=Brooks").with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("Brooks, Dana");
        // an admin starts from every client
        assertThat(mvc.get().uri("/clients").with(user(as(admin)))).hasStatusOk().bodyText()
                .contains("Avery, Jordan", "Brooks, Dana");
    }

    @Test
    void theCaseworkerTransfersTheirClientAndTheHistoryShowsWhoHadItWhen() {
        Client jordan = clientOf(casey, "Jordan", "Avery");
        MvcTestResult moved = transfer(jordan, casey, String.valueOf(robin.getId()));
        assertThat(moved).hasRedirectedUrl("/clients/" + jordan.getId());
        assertThat(followRedirect(moved, as(casey))).bodyText()
                .contains("Jordan Avery is now " + robin.getDisplayName() + "&#39;s client.");
        assertThat(caseworkerOf(jordan)).isEqualTo(robin.getId());
        assertThat(historyOf(jordan)).containsExactly(
                Map.of("caseworker_id", casey.getId(), "assigned_by", casey.getId(), "reason", "CREATED"),
                Map.of("caseworker_id", robin.getId(), "assigned_by", casey.getId(), "reason", "TRANSFER"));
        // a staff save of the record afterwards keeps the new caseworker
        assertThat(mvc.post().uri("/clients/{id}/edit", jordan.getId()).with(user(as(casey))).with(csrf())
                .param("firstName", "Jordan").param("lastName", "Avery-Lee").param("cellAreaCode", "")
                .param("cellNumber", "").param("safe", "true").param("version", "0")).hasStatus3xxRedirection();
        assertThat(caseworkerOf(jordan)).isEqualTo(robin.getId());
    }

    @Test
    void aCaseworkerMayNotTransferSomeoneElsesClient() {
        Client jordan = clientOf(robin, "Jordan", "Avery");
        assertThat(transfer(jordan, casey, String.valueOf(casey.getId()))).hasStatus(403);
        assertThat(mvc.post().uri("/clients/{id}/caseworker/claim", jordan.getId()).with(user(as(casey)))
                .with(csrf())).hasStatus(403);
        assertThat(caseworkerOf(jordan)).isEqualTo(robin.getId());
        assertThat(historyOf(jordan)).hasSize(1);
        assertThat(mvc.get().uri("/clients/{id}", jordan.getId()).with(user(as(casey)))).hasStatusOk().bodyText()
                .doesNotContain(">Transfer<", "Assign to me");
    }

    @Test
    void anAdminTransfersAnyClient() {
        Client jordan = clientOf(robin, "Jordan", "Avery");
        assertThat(transfer(jordan, admin, String.valueOf(casey.getId()))).hasStatus3xxRedirection();
        assertThat(caseworkerOf(jordan)).isEqualTo(casey.getId());
        assertThat(historyOf(jordan).get(1)).isEqualTo(
                Map.of("caseworker_id", casey.getId(), "assigned_by", admin.getId(), "reason", "TRANSFER"));
    }

    @Test
    void badTransfersAreRefusedInWordsAndChangeNothing() {
        Client jordan = clientOf(casey, "Jordan", "Avery");
        Staff gone = newCaseworker();
        staffService.setEnabled(gone.getId(), false, as(admin));
        assertThat(followRedirect(transfer(jordan, casey, String.valueOf(gone.getId())), as(casey))).bodyText()
                .contains(gone.getDisplayName() + "&#39;s account is disabled: choose an active staff member.");
        assertThat(followRedirect(transfer(jordan, casey, "987654"), as(casey))).bodyText()
                .contains("Choose a staff member from the list: that one does not exist.");
        assertThat(followRedirect(transfer(jordan, casey, "robin"), as(casey))).bodyText()
                .contains("Choose a staff member from the list: that one does not exist.");
        assertThat(followRedirect(transfer(jordan, casey, String.valueOf(casey.getId())), as(casey))).bodyText()
                .contains("This is already " + casey.getDisplayName() + "&#39;s client.");
        assertThat(caseworkerOf(jordan)).isEqualTo(casey.getId());
        assertThat(historyOf(jordan)).hasSize(1);
    }

    @Test
    void anUnassignedClientIsClaimedByWhoeverTakesIt() {
        Client jordan = clientOf(robin, "Jordan", "Avery");
        jdbc.update("update clients set caseworker_id = null where id = ?", jordan.getId());
        assertThat(mvc.get().uri("/clients/{id}", jordan.getId()).with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("Unassigned", "Assign to me");
        assertThat(mvc.post().uri("/clients/{id}/caseworker/claim", jordan.getId()).with(user(as(casey)))
                .with(csrf())).hasRedirectedUrl("/clients/" + jordan.getId());
        assertThat(caseworkerOf(jordan)).isEqualTo(casey.getId());
        assertThat(historyOf(jordan).get(1)).isEqualTo(
                Map.of("caseworker_id", casey.getId(), "assigned_by", casey.getId(), "reason", "CLAIMED"));
    }

    @Test
    void anAdminTransfersAllOfALeaversClients() {
        Client jordan = clientOf(robin, "Jordan", "Avery");
        Client dana = clientOf(robin, "Dana", "Brooks");
        Client kept = clientOf(casey, "Kim", "Kept");
        staffService.setEnabled(robin.getId(), false, as(admin));
        MvcTestResult moved = mvc.post().uri("/admin/caseloads").with(user(as(admin))).with(csrf())
                .param("fromStaffId", String.valueOf(robin.getId())).param("toStaffId", String.valueOf(casey.getId()))
                .exchange();
        assertThat(moved).hasRedirectedUrl("/admin/caseloads");
        assertThat(followRedirect(moved, as(admin))).bodyText().contains("2 clients were transferred.");
        assertThat(caseworkerOf(jordan)).isEqualTo(casey.getId());
        assertThat(caseworkerOf(dana)).isEqualTo(casey.getId());
        assertThat(historyOf(dana).get(1)).isEqualTo(
                Map.of("caseworker_id", casey.getId(), "assigned_by", admin.getId(), "reason", "TRANSFER_ALL"));
        assertThat(historyOf(kept)).hasSize(1);
    }

    @Test
    void transferAllRefusesBadChoicesKeepingThemAndOnlyAdminsMayUseIt() {
        Client jordan = clientOf(robin, "Jordan", "Avery");
        Staff gone = newCaseworker();
        staffService.setEnabled(gone.getId(), false, as(admin));
        assertThat(mvc.post().uri("/admin/caseloads").with(user(as(admin))).with(csrf())
                .param("fromStaffId", String.valueOf(robin.getId())).param("toStaffId", String.valueOf(robin.getId())))
                .hasStatusOk().bodyText().contains("Choose someone else: the clients are already "
                        + robin.getDisplayName() + "&#39;s.")
                .containsPattern("<option value=\"" + robin.getId() + "\" selected=\"selected\">");
        assertThat(mvc.post().uri("/admin/caseloads").with(user(as(admin))).with(csrf())
                .param("fromStaffId", String.valueOf(robin.getId())).param("toStaffId", String.valueOf(gone.getId())))
                .hasStatusOk().bodyText().contains("account is disabled: choose an active staff member.");
        assertThat(mvc.post().uri("/admin/caseloads").with(user(as(admin))).with(csrf())
                .param("fromStaffId", "").param("toStaffId", String.valueOf(casey.getId())))
                .hasStatusOk().bodyText().contains("Choose a staff member from the list: that one does not exist.");
        assertThat(mvc.post().uri("/admin/caseloads").with(user(as(casey))).with(csrf())
                .param("fromStaffId", String.valueOf(robin.getId())).param("toStaffId", String.valueOf(casey.getId())))
                .hasStatus(403);
        assertThat(caseworkerOf(jordan)).isEqualTo(robin.getId());
        assertThat(historyOf(jordan)).hasSize(1);
    }
}
