package org.textdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.textdesk.HttpVisitor;
import org.textdesk.IntegrationTest;

/** Session fixation: logging in gives a new session id, and the one from before the login is worth nothing. */
class LoginSessionTest extends IntegrationTest {

    @Test
    void theSessionIdChangesAtLoginAndTheOldOneIsNotLoggedIn() {
        Staff casey = newCaseworker();
        HttpVisitor visitor = new HttpVisitor(baseUrl());
        String loginPage = visitor.get("/login").body();
        String before = visitor.cookie("SESSION").orElseThrow();

        HttpResponse<String> loggedIn = visitor.post("/login", loginPage,
                Map.of("username", casey.getUsername(), "password", STAFF_PASSWORD));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        String after = visitor.cookie("SESSION").orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(visitor.get("/clients").statusCode()).isEqualTo(200);

        // Someone who planted or saw the cookie from before the login is not logged in with it.
        HttpVisitor attacker = new HttpVisitor(baseUrl());
        attacker.setCookie("SESSION", before);
        HttpResponse<String> attempt = attacker.get("/clients");
        assertThat(attempt.statusCode()).isEqualTo(302);
        assertThat(attempt.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void loggingOutEndsTheSessionForWhoeverHoldsItsCookie() {
        Staff casey = newCaseworker();
        HttpVisitor visitor = new HttpVisitor(baseUrl());
        visitor.logIn(casey.getUsername(), STAFF_PASSWORD);
        String session = visitor.cookie("SESSION").orElseThrow();
        String clients = visitor.get("/clients").body();
        assertThat(visitor.post("/logout", clients, Map.of()).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));

        HttpVisitor stale = new HttpVisitor(baseUrl());
        stale.setCookie("SESSION", session);
        assertThat(stale.get("/clients").statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
                casey.getUsername())).isZero();
    }
}
