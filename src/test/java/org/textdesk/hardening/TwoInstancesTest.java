package org.textdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.HttpVisitor;
import org.textdesk.IntegrationTest;
import org.textdesk.SecondInstance;
import org.textdesk.staff.Staff;

/**
 * Two instances of TextDesk on one PostgreSQL database, as behind a load balancer that sends each
 * request anywhere: a login on one works on the other, so do a form's CSRF token and the message shown
 * after a redirect; a logout on one ends the session on both; failed logins add up across both.
 */
class TwoInstancesTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    private String one;
    private String two;
    private Staff casey;

    @BeforeEach
    void twoInstances() {
        one = baseUrl();
        two = SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl()).baseUrl();
        assertThat(two).isNotEqualTo(one);
        casey = newCaseworker();
    }

    @Test
    void aLoginOnOneInstanceWorksOnTheOther() {
        HttpVisitor visitor = new HttpVisitor(one);
        assertThat(visitor.logIn(casey.getUsername(), STAFF_PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> clients = visitor.at(two).get("/clients");
        assertThat(clients.statusCode()).isEqualTo(200);
        assertThat(clients.body()).contains("Logged in as " + casey.getDisplayName());
        assertThat(visitor.at(one).get("/clients").statusCode()).isEqualTo(200);
    }

    @Test
    void aFormFromOneInstancePostsToTheOtherAndItsMessageShowsOnTheFirst() {
        HttpVisitor visitor = new HttpVisitor(one);
        visitor.logIn(casey.getUsername(), STAFF_PASSWORD);
        String form = visitor.get("/clients/new").body();

        HttpResponse<String> added = visitor.at(two).post("/clients/new", form,
                Map.of("firstName", "Robin", "lastName", "Twoserver", "cellAreaCode", "404", "cellNumber", "538-7311"));
        assertThat(added.statusCode()).isEqualTo(302);
        String record = added.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");

        HttpResponse<String> shown = visitor.at(one).get(record);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Client Robin Twoserver added.");
    }

    @Test
    void aLogoutOnOneInstanceEndsTheSessionOnTheOther() {
        HttpVisitor visitor = new HttpVisitor(one);
        visitor.logIn(casey.getUsername(), STAFF_PASSWORD);
        String session = visitor.cookie("SESSION").orElseThrow();
        String page = visitor.at(two).get("/clients").body();
        assertThat(visitor.post("/logout", page, Map.of()).statusCode()).isEqualTo(302);

        HttpVisitor sameCookie = new HttpVisitor(one);
        sameCookie.setCookie("SESSION", session);
        assertThat(sameCookie.get("/clients").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void failedLoginsOnBothInstancesAddUpToOneLock() {
        for (String instance : new String[] {one, two, one, two, one}) {
            HttpResponse<String> failed = new HttpVisitor(instance).logIn(casey.getUsername(), "not the password");
            assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?error"));
        }
        for (String instance : new String[] {one, two}) {
            HttpResponse<String> refused = new HttpVisitor(instance).logIn(casey.getUsername(), STAFF_PASSWORD);
            assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?locked"));
        }
    }
}
