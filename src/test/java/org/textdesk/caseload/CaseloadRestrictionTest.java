package org.textdesk.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.inbox.IncomingTexts;
import org.textdesk.staff.Role;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Restricted caseloads on PostgreSQL (issue 21 point 3): off by default; an admin turns it on; then a caseworker
 * sees only their own clients and those of a colleague they cover for (until the colleague's "until"); a supervisor
 * sees every client but no admin page; the staff page gives the SUPERVISOR role. Every route is in RoleMatrixTest's
 * caseload column; this test is the lists and the rules around them.
 */
class CaseloadRestrictionTest extends IntegrationTest {

    static final Instant TUESDAY_TEN = Instant.parse("2026-03-10T14:00:00Z");

    @Autowired
    ClientService clientService;

    @Autowired
    IncomingTexts incomingTexts;

    Staff admin;
    Staff casey;
    Staff robin;
    Staff sue;
    Client jordan;
    Client lee;

    @BeforeEach
    void twoCaseloads() {
        clock.pin(TUESDAY_TEN);
        admin = newAdmin();
        casey = newCaseworker();
        robin = newCaseworker();
        sue = newStaff(Role.SUPERVISOR);
        configureTwilio();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        lee = ClientFixture.client("Lee", "Carter").cell("770", "555-0111").safe(true).okayToText(true)
                .create(clientService, as(robin));
        incomingTexts.receive(FakeTwilio.newMessageSid(), "+14045387319", TwilioSetupFixture.TWILIO_NUMBER,
                "Jordan asks about rent", null);
        incomingTexts.receive(FakeTwilio.newMessageSid(), "+17705550111", TwilioSetupFixture.TWILIO_NUMBER,
                "Lee asks about the bus", null);
    }

    private String page(String uri, Staff staff) {
        return countedGet(uri, staff).result();
    }

    private int status(String uri, Staff staff) {
        return mvc.get().uri(uri).with(user(as(staff))).exchange().getResponse().getStatus();
    }

    private void restrict(boolean on) {
        assertThat(mvc.post().uri("/admin/caseloads/restriction").with(user(as(admin))).with(csrf())
                .param("restricted", String.valueOf(on))).hasRedirectedUrl("/admin/caseloads");
    }

    @Test
    void offByDefaultEveryCaseworkerSeesEveryClient() {
        assertThat(page("/admin/caseloads", admin)).containsPattern("id=\"restricted\"[^>]*value=\"true\"")
                .doesNotContain("checked");
        assertThat(page("/clients?show=all", robin)).contains("Jordan", "Lee");
        assertThat(status("/clients/" + jordan.getId(), robin)).isEqualTo(200);
        assertThat(page("/incoming", robin)).contains("Jordan asks about rent", "Lee asks about the bus");
    }

    @Test
    void anAdminTurnsItOnAndACaseworkerSeesOnlyTheirOwnClients() {
        restrict(true);
        assertThat(page("/admin/caseloads", admin)).contains("checked=\"checked\"");
        assertThat(jdbc.queryForMap("select restricted, changed_by from caseload_settings where id = 1"))
                .containsEntry("restricted", true).containsEntry("changed_by", admin.getId());

        assertThat(page("/clients?show=all", robin)).contains("Carter, Lee").doesNotContain("Jordan");
        assertThat(page("/clients?q=Avery&show=all", robin)).doesNotContain("Jordan");
        assertThat(page("/incoming", robin)).contains("Lee asks about the bus").doesNotContain("Jordan", "rent");
        assertThat(status("/clients/" + jordan.getId(), robin)).isEqualTo(403);
        assertThat(status("/clients/" + jordan.getId() + "/conversation", robin)).isEqualTo(403);
        assertThat(mvc.post().uri("/clients/{id}/texts", jordan.getId()).with(user(as(robin))).with(csrf())
                .param("body", "Hello from Robin").param("sendKey", "restricted-send")).hasStatus(403);
        assertThat(jdbc.queryForObject("select count(*) from text_messages where direction = 'OUTBOUND'", Long.class))
                .as("nothing sent").isZero();
        assertThat(page("/clients?show=all", casey)).contains("Avery, Jordan").doesNotContain("Lee");

        restrict(false);
        assertThat(status("/clients/" + jordan.getId(), robin)).isEqualTo(200);
    }

    @Test
    void aClientWithNoCaseworkerIsLeftToSupervisorsAndAdmins() {
        restrict(true);
        jdbc.update("update clients set caseworker_id = null where id = ?", jordan.getId());
        assertThat(page("/inbox/unassigned", casey)).doesNotContain("Jordan")
                .contains("Clients with no caseworker are assigned by supervisors and admins");
        assertThat(mvc.post().uri("/clients/{id}/caseworker/claim", jordan.getId()).with(user(as(casey)))
                .with(csrf())).hasStatus(403);
        assertThat(page("/inbox/unassigned", sue)).contains("Jordan Avery", "Jordan asks about rent");
        assertThat(mvc.post().uri("/clients/{id}/caseworker", jordan.getId()).with(user(as(sue))).with(csrf())
                .param("staffId", casey.getId().toString())).hasRedirectedUrl("/clients/" + jordan.getId());
        assertThat(jdbc.queryForObject("select caseworker_id from clients where id = ?", Long.class, jordan.getId()))
                .isEqualTo(casey.getId());
        assertThat(status("/clients/" + jordan.getId(), casey)).isEqualTo(200);
    }

    @Test
    void aCaseworkerCoveringForAnAwayColleagueSeesTheirClientsUntilTheyAreBack() {
        restrict(true);
        assertThat(mvc.post().uri("/settings/away").with(user(as(casey))).with(csrf())
                .param("awayFrom", "2026-03-09T09:00").param("awayUntil", "2026-03-13T17:00")
                .param("message", "Away until Friday.").param("coveredBy", robin.getId().toString()))
                .hasRedirectedUrl("/settings");

        assertThat(page("/clients?show=all", robin)).contains("Avery, Jordan", "Carter, Lee");
        assertThat(status("/clients/" + jordan.getId() + "/conversation", robin)).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from coverage_opens", Long.class)).isEqualTo(1);
        assertThat(page("/incoming", robin)).contains("Jordan asks about rent");
        assertThat(status("/clients/" + lee.getId(), casey)).as("covering is one way").isEqualTo(403);

        clock.pin(Instant.parse("2026-03-13T21:00:00Z")); // Friday 17:00 in New York: Casey is back
        assertThat(status("/clients/" + jordan.getId() + "/conversation", robin)).isEqualTo(403);
        assertThat(page("/clients?show=all", robin)).doesNotContain("Jordan");
    }

    @Test
    void aSupervisorSeesEveryClientButNoAdminPage() {
        restrict(true);
        assertThat(page("/clients?show=all", sue)).contains("Avery, Jordan", "Carter, Lee");
        assertThat(page("/incoming", sue)).contains("Jordan asks about rent", "Lee asks about the bus");
        assertThat(status("/clients/" + jordan.getId() + "/texts", sue)).isEqualTo(200);
        for (String adminPage : new String[] {"/admin/twilio", "/admin/staff", "/admin/caseloads",
                "/admin/quick-entries", "/admin/retention", "/admin/coverage-opens"}) {
            assertThat(status(adminPage, sue)).as(adminPage).isEqualTo(403);
        }
        assertThat(mvc.post().uri("/admin/caseloads/restriction").with(user(as(sue))).with(csrf())
                .param("restricted", "false")).hasStatus(403);
        assertThat(jdbc.queryForObject("select restricted from caseload_settings where id = 1", Boolean.class))
                .isTrue();
        assertThat(page("/clients", sue)).doesNotContain("href=\"/admin/");
    }

    @Test
    void theStaffPageGivesTheSupervisorRole() {
        assertThat(page("/admin/staff", admin)).contains("<option value=\"SUPERVISOR\">Supervisor</option>");
        assertThat(mvc.post().uri("/admin/staff/{id}/role", robin.getId()).with(user(as(admin))).with(csrf())
                .param("role", "SUPERVISOR")).hasRedirectedUrl("/admin/staff");
        assertThat(jdbc.queryForObject("select role from staff where id = ?", String.class, robin.getId()))
                .isEqualTo("SUPERVISOR");
        assertThat(mvc.post().uri("/admin/staff/{id}/role", casey.getId()).with(user(as(admin))).with(csrf())
                .param("role", "BOSS")).hasStatus4xxClientError();
        assertThat(jdbc.queryForObject("select role from staff where id = ?", String.class, casey.getId()))
                .isEqualTo("CASEWORKER");
    }
}
