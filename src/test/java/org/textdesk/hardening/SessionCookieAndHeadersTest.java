package org.textdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.textdesk.HttpVisitor;
import org.textdesk.IntegrationTest;

/**
 * Over real HTTP (Tomcat, Spring Session and Spring Security as deployed): the session cookie is
 * HttpOnly and SameSite=Lax, and Secure when the request came over https, here through a proxy on a
 * private network that says so with X-Forwarded-Proto (server.forward-headers-strategy=native); and
 * every kind of answer carries the security headers.
 */
class SessionCookieAndHeadersTest extends IntegrationTest {

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxButNotSecureOverPlainHttp() {
        HttpResponse<String> loginPage = new HttpVisitor(baseUrl()).get("/login");
        String cookie = HttpVisitor.setCookieHeader(loginPage, "SESSION").orElseThrow();
        assertThat(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax")
                .doesNotContainIgnoringCase("Secure").containsIgnoringCase("; Path=/");
        assertThat(loginPage.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecureAndHstsIsSent() {
        HttpVisitor visitor = new HttpVisitor(baseUrl()).withHeader("X-Forwarded-Proto", "https");
        HttpResponse<String> loginPage = visitor.get("/login");
        String cookie = HttpVisitor.setCookieHeader(loginPage, "SESSION").orElseThrow();
        assertThat(cookie).containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly")
                .containsIgnoringCase("; SameSite=Lax");
        assertThat(loginPage.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age="));

        // The login's new session cookie is Secure too.
        HttpResponse<String> loggedIn = visitor.logIn(newCaseworker().getUsername(), STAFF_PASSWORD);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(HttpVisitor.setCookieHeader(loggedIn, "SESSION").orElseThrow()).containsIgnoringCase("; Secure");
    }

    @Test
    void pagesStaticFilesErrorsAndRefusalsCarryTheSecurityHeaders() {
        HttpVisitor visitor = new HttpVisitor(baseUrl());
        assertSecurityHeaders(visitor.get("/login"), 200);
        assertSecurityHeaders(visitor.get("/js/sms-counter.js"), 200);
        assertSecurityHeaders(visitor.get("/clients"), 302);
        visitor.logIn(newCaseworker().getUsername(), STAFF_PASSWORD);
        assertSecurityHeaders(visitor.get("/clients"), 200);
        assertSecurityHeaders(visitor.get("/admin/staff"), 403);
        assertSecurityHeaders(visitor.get("/no/such/page"), 404);
    }

    private static void assertSecurityHeaders(HttpResponse<String> response, int status) {
        String what = response.request().uri().getPath();
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                        "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(what).contains("same-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(what).contains("DENY");
    }
}
