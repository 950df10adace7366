package org.textdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.HttpVisitor;
import org.textdesk.IntegrationTest;
import org.textdesk.SecondInstance;
import org.textdesk.staff.Role;
import org.textdesk.staff.Staff;

/**
 * A caseworker logged in with one session cookie used on two instances: disabling the account or resetting its
 * password ends the session at once on both; a role changed by an admin applies at the next request, on both.
 */
class StaffSessionsEndTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    private String second;
    private Staff admin;
    private Staff casey;
    private HttpVisitor caseyBrowser;

    @BeforeEach
    void caseyLoggedInAndWorkingOnBothInstances() {
        second = SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl()).baseUrl();
        admin = newAdmin();
        casey = newCaseworker();
        caseyBrowser = new HttpVisitor(baseUrl());
        caseyBrowser.logIn(casey.getUsername(), STAFF_PASSWORD);
        assertThat(caseyBrowser.at(baseUrl()).get("/clients").statusCode()).isEqualTo(200);
        assertThat(caseyBrowser.at(second).get("/clients").statusCode()).isEqualTo(200);
    }

    @Test
    void disablingTheAccountEndsItsOpenSessionAtOnceOnEveryInstance() {
        staffService.setEnabled(casey.getId(), false, as(admin));

        assertSentToLogin(caseyBrowser.at(second).get("/clients/new"));
        assertSentToLogin(caseyBrowser.at(baseUrl()).get("/clients"));
        assertThat(sessionsOf(casey)).isZero();
    }

    @Test
    void resettingThePasswordEndsItsOpenSessionAtOnceOnEveryInstance() {
        staffService.resetPassword(casey.getId(), "a brand new passphrase");

        assertThat(sessionsOf(casey)).isZero();
        assertSentToLogin(caseyBrowser.at(second).get("/clients"));
        assertSentToLogin(caseyBrowser.at(baseUrl()).get("/clients"));
    }

    @Test
    void anAccountDisabledBehindTheServicesBackIsRefusedAtTheNextRequestToo() {
        // As if the session escaped the logout (a request of it in flight on another instance saved it again).
        jdbc.update("update staff set enabled = false where id = ?", casey.getId());

        assertSentToLogin(caseyBrowser.at(second).get("/clients"));
        assertSentToLogin(caseyBrowser.at(baseUrl()).get("/clients"));
    }

    @Test
    void aChangedRoleTakesEffectAtTheNextRequestOnEveryInstance() {
        assertThat(caseyBrowser.at(baseUrl()).get("/admin/staff").statusCode()).isEqualTo(403);

        staffService.changeRole(casey.getId(), Role.ADMIN, as(admin));
        assertThat(caseyBrowser.at(second).get("/admin/staff").statusCode()).isEqualTo(200);
        assertThat(caseyBrowser.at(baseUrl()).get("/admin/staff").statusCode()).isEqualTo(200);

        staffService.changeRole(casey.getId(), Role.CASEWORKER, as(admin));
        assertThat(caseyBrowser.at(second).get("/admin/staff").statusCode()).isEqualTo(403);
        assertThat(caseyBrowser.at(baseUrl()).get("/clients").statusCode()).isEqualTo(200);
    }

    private int sessionsOf(Staff staff) {
        return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
                staff.getUsername());
    }

    private static void assertSentToLogin(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
