package org.textdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.textdesk.IntegrationTest;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.inbox.IncomingTexts;
import org.textdesk.FakeTwilio;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Every route of the running application (read from every RequestMappingInfoHandlerMapping, the
 * actuator's included, so a new route is covered the moment it exists) x anonymous, caseworker, supervisor and
 * admin: a login redirect, 403, or a 200/3xx as {@link #EXPECTED} says. The caseload column: with restricted
 * caseloads on, every staff route as the client's own caseworker, a supervisor and another caseworker - who gets
 * 403 on a route of the client's record (and nothing changes), and a page that never links to the client or its
 * texts elsewhere. A route without an
 * expectation, or an expectation without a route, fails the test. Every POST without a CSRF token is
 * refused with 403 and changes nothing, except Twilio's webhooks (which check signatures). Every HTML
 * page seen follows {@link PageRules} and carries the security headers. The sample records are named
 * with stored-XSS payloads, so every page is also checked for markup slipping through.
 */
class RoleMatrixTest extends IntegrationTest {

    /** Who may use a route. */
    enum Access {
        /** Anyone, logged in or not. */
        PUBLIC,
        /** Any logged-in staff member; anonymous visitors are sent to the login page. */
        STAFF,
        /**
         * A route on one client's record (the client, its texts, cases, pictures, scheduled texts): as STAFF, and with
         * restricted caseloads on, 403 to a caseworker whose client it is not.
         */
        CLIENT,
        /**
         * One staff member's own thing (a group text): as STAFF for its author (the sample caseworker), supervisors
         * and admins; 404 to another caseworker, with restricted caseloads or not.
         */
        AUTHOR,
        /** Admins only: caseworkers get 403, anonymous visitors the login page. */
        ADMIN,
        /** Twilio's webhooks: no login, no CSRF token, a Twilio signature instead. */
        TWILIO,
        /** The error page: shown to anyone, whatever the status it tells. */
        ERROR_PAGE,
        /**
         * The built-in sandbox's Twilio-compatible REST API: no login or CSRF token (Basic auth instead), and
         * 404 to everyone while the sandbox is off, as it is here (the sandbox tests cover it on).
         */
        SANDBOX_API,
        /** A staff page of the sandbox (the Client's phone): the login page for anonymous visitors, 404 while off. */
        SANDBOX_PAGE
    }

    /** One row of the table: a method ("*" for any) and a path pattern as mapped, who may use it, a form to send. */
    record Expectation(String method, String pattern, Access access, Map<String, String> form) {

        boolean covers(Route route) {
            return method.equals(route.method()) && (pattern.equals(route.pattern())
                    || (pattern.contains("*") && PATHS.match(pattern, route.pattern())));
        }
    }

    /** A mapped route: a method ("*" when the mapping takes any) and a path pattern. */
    record Route(String method, String pattern) implements Comparable<Route> {

        @Override
        public int compareTo(Route other) {
            return (pattern + " " + method).compareTo(other.pattern + " " + other.method);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    /**
     * The expectations. A new route needs a row here (the test says which); a row is exact, except
     * POST /twilio/**, which covers Twilio's webhooks whatever their paths.
     */
    static final List<Expectation> EXPECTED = List.of(
            get("/", Access.STAFF),
            get("/login", Access.PUBLIC),
            any("/error", Access.ERROR_PAGE),
            get("/actuator/health", Access.PUBLIC),
            get("/actuator/health/**", Access.PUBLIC),

            get("/clients", Access.STAFF),
            get("/clients/new", Access.STAFF),
            post("/clients/new", Access.STAFF, "firstName", "Pat", "lastName", "Newclient"),
            get("/clients/{clientId}", Access.CLIENT),
            get("/clients/{clientId}/edit", Access.CLIENT),
            post("/clients/{clientId}/edit", Access.CLIENT, "firstName", "Pat", "lastName", "Edited", "version", "0"),
            get("/clients/{clientId}/cases/new", Access.CLIENT),
            post("/clients/{clientId}/cases/new", Access.CLIENT, "caseNumber", "16E-20990101", "title", "New case",
                    "openedOn", "2016-08-17"),
            get("/cases/{caseId}", Access.CLIENT),
            get("/cases/{caseId}/edit", Access.CLIENT),
            post("/cases/{caseId}/edit", Access.CLIENT, "caseNumber", "16E-20010101", "title", "Edited",
                    "openedOn", "2016-08-01", "version", "0"),
            get("/clients/{clientId}/texts/new", Access.CLIENT),
            post("/clients/{clientId}/texts", Access.CLIENT, "body", "Role matrix text, please ignore.",
                    "sendKey", "role-matrix-send-key"),
            get("/texts/{messageId}", Access.CLIENT),
            get("/texts/{messageId}/status", Access.CLIENT),
            post("/texts/{messageId}/retry", Access.CLIENT),
            post("/texts/{messageId}/refresh-status", Access.CLIENT),
            get("/clients/{clientId}/texts", Access.CLIENT),
            get("/cases/{caseId}/texts", Access.CLIENT),
            get("/cases/{caseId}/texts.csv", Access.CLIENT),
            get("/cases/{caseId}/texts/print", Access.CLIENT),
            get("/incoming", Access.STAFF),
            get("/inbox", Access.STAFF),
            get("/inbox/unassigned", Access.STAFF),
            get("/incoming/{messageId}/attach", Access.STAFF),
            post("/incoming/{messageId}/attach", Access.CLIENT, "clientId", "{clientId}"),
            post("/incoming/{messageId}/new-client", Access.STAFF, "firstName", "Pat", "lastName", "Fromnumber"),
            get("/clients/{clientId}/conversation", Access.CLIENT),
            post("/clients/{clientId}/conversation", Access.CLIENT, "body", "Role matrix reply, please ignore.",
                    "sendKey", "role-matrix-reply-key"),
            get("/clients/{clientId}/conversation/messages", Access.CLIENT),
            get("/clients/{clientId}/conversation/notice", Access.CLIENT),
            get("/events", Access.STAFF),
            get("/events/counts", Access.STAFF),
            post("/clients/{clientId}/caseworker", Access.CLIENT, "staffId", "{staffId}"),
            post("/clients/{clientId}/caseworker/claim", Access.CLIENT),
            get("/media/{mediaId}", Access.CLIENT),
            get("/media/{mediaId}/download", Access.CLIENT),
            get("/scheduled", Access.STAFF),
            post("/scheduled/{scheduledId}/cancel", Access.CLIENT),
            get("/cases/{caseId}/appointments/new", Access.CLIENT),
            post("/cases/{caseId}/appointments/new", Access.CLIENT, "date", "2099-01-01", "time", "10:00", "place",
                    "Role matrix place", "staffId", "{staffId}", "bookingKey", "role-matrix-booking-key"),
            get("/appointments/{appointmentId}/edit", Access.CLIENT),
            post("/appointments/{appointmentId}/edit", Access.CLIENT, "date", "2099-01-01", "time", "10:00", "place",
                    "Role matrix place", "staffId", "{staffId}", "version", "0"),
            post("/appointments/{appointmentId}/cancel", Access.CLIENT),
            get("/clients/{clientId}/time-zone", Access.CLIENT),
            post("/clients/{clientId}/time-zone", Access.CLIENT, "zone", "America/Chicago"),

            get("/group-texts", Access.STAFF),
            get("/group-texts/new", Access.STAFF),
            post("/group-texts/preview", Access.STAFF, "filter", "my-clients", "body",
                    "Role matrix group text, please ignore.", "sendKey", "role-matrix-group-key"),
            // a confirmation that does not match the preview: the preview again, nothing sent
            post("/group-texts", Access.STAFF, "filter", "my-clients", "body", "Role matrix group text, please ignore.",
                    "sendKey", "role-matrix-group-key", "fingerprint", "0", "previewedCount", "1"),
            get("/group-texts/{groupId}", Access.AUTHOR),
            get("/group-texts/{groupId}/progress", Access.AUTHOR),
            post("/group-texts/{groupId}/cancel", Access.AUTHOR),

            get("/settings", Access.STAFF),
            post("/settings", Access.STAFF, "email", "matrix@agency.example.org", "alertAfter", "2"),
            post("/settings/away", Access.STAFF, "awayFrom", "2016-08-17T09:00", "awayUntil", "2099-08-24T17:00",
                    "message", "Away, please ignore.", "coveredBy", "{staffId}"),
            post("/settings/away/end", Access.STAFF),

            get("/admin/twilio", Access.ADMIN),
            post("/admin/twilio", Access.ADMIN),
            post("/admin/twilio/test", Access.ADMIN),
            post("/admin/twilio/pictures", Access.ADMIN, "deleteAtTwilio", "true"),
            get("/admin/quick-entries", Access.ADMIN),
            get("/admin/quick-entries/new", Access.ADMIN),
            post("/admin/quick-entries/new", Access.ADMIN, "text", "Role matrix Quick Entry"),
            get("/admin/quick-entries/{id}/edit", Access.ADMIN),
            post("/admin/quick-entries/{id}/edit", Access.ADMIN, "text", "Role matrix change", "version", "0"),
            post("/admin/quick-entries/{id}/move-up", Access.ADMIN),
            post("/admin/quick-entries/{id}/move-down", Access.ADMIN),
            get("/admin/quick-entries/{id}/delete", Access.ADMIN),
            post("/admin/quick-entries/{id}/delete", Access.ADMIN),
            get("/admin/languages", Access.ADMIN),
            post("/admin/languages", Access.ADMIN, "name", "Role matrix language", "code", ""),

            get("/admin/caseloads", Access.ADMIN),
            post("/admin/caseloads/restriction", Access.ADMIN, "restricted", "true"),
            post("/admin/caseloads", Access.ADMIN, "fromStaffId", "{staffId}", "toStaffId", "{staffId}"),

            get("/admin/reminders", Access.ADMIN),
            post("/admin/reminders/plans", Access.ADMIN, "kind", "HOURS", "hoursBefore", "2", "textId", "{textId}"),
            post("/admin/reminders/plans/{planId}/switch-off", Access.ADMIN),
            get("/admin/reminders/texts/new", Access.ADMIN),
            post("/admin/reminders/texts/new", Access.ADMIN, "name", "Role matrix", "text", "Role matrix reminder"),
            get("/admin/reminders/texts/{textId}/edit", Access.ADMIN),
            post("/admin/reminders/texts/{textId}/edit", Access.ADMIN, "name", "Role matrix", "text", "Changed",
                    "version", "0"),
            get("/admin/quiet-hours", Access.ADMIN),
            post("/admin/quiet-hours", Access.ADMIN, "start", "08:30", "end", "20:00"),
            get("/admin/staff", Access.ADMIN),
            get("/admin/staff/new", Access.ADMIN),
            post("/admin/staff/new", Access.ADMIN, "username", "matrixnew", "displayName", "Matrix New",
                    "role", "CASEWORKER", "password", "role matrix password"),
            post("/admin/staff/{staffId}/enabled", Access.ADMIN, "enabled", "false"),
            post("/admin/staff/{staffId}/role", Access.ADMIN, "role", "CASEWORKER"),
            get("/admin/staff/{staffId}/password", Access.ADMIN),
            post("/admin/staff/{staffId}/password", Access.ADMIN, "password", "role matrix new password"),
            get("/admin/retention", Access.ADMIN),
            post("/admin/retention", Access.ADMIN, "keepMonths", "6", "deleteAtTwilio", "true"),
            get("/admin/exports", Access.ADMIN),
            get("/admin/coverage-opens", Access.ADMIN),

            get("/clients/{clientId}/phone", Access.SANDBOX_PAGE),
            post("/clients/{clientId}/phone/texts", Access.SANDBOX_PAGE, "body", "Role matrix text from a phone"),
            post("/clients/{clientId}/phone/pictures", Access.SANDBOX_PAGE, "picture", "SUNRISE"),
            post("/clients/{clientId}/phone/calls", Access.SANDBOX_PAGE),
            get("/sandbox/twilio/2010-04-01/Accounts/{accountSid}.json", Access.SANDBOX_API),
            post("/sandbox/twilio/2010-04-01/Accounts/{accountSid}/Messages.json", Access.SANDBOX_API,
                    "To", "+14045387319", "From", "+14045550100", "Body", "Role matrix"),
            get("/sandbox/twilio/2010-04-01/Accounts/{accountSid}/Messages.json", Access.SANDBOX_API),
            get("/sandbox/twilio/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}.json", Access.SANDBOX_API),
            get("/sandbox/twilio/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}/Media.json",
                    Access.SANDBOX_API),
            get("/sandbox/twilio/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}/Media/{mediaSid}.json",
                    Access.SANDBOX_API),
            get("/sandbox/twilio/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}/Media/{mediaSid}",
                    Access.SANDBOX_API),
            get("/sandbox/twilio/v1/Services/{serviceSid}", Access.SANDBOX_API),
            get("/sandbox/twilio/v1/Services/{serviceSid}/PhoneNumbers", Access.SANDBOX_API),

            post("/twilio/**", Access.TWILIO));

    @Autowired
    ApplicationContext context;

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    @Autowired
    IncomingTexts incomingTexts;

    /** The records of one check, named with stored-XSS payloads. */
    private Staff admin;
    private Staff caseworker;
    private Staff supervisor;
    /** A caseworker whose client the sample client is not. */
    private Staff other;
    private final Map<String, String> samples = new LinkedHashMap<>();

    @Test
    void everyRouteHasAnExpectationAndEveryExpectationARoute() {
        List<String> problems = new ArrayList<>();
        for (Route route : routes()) {
            if (EXPECTED.stream().noneMatch(expected -> expected.covers(route))) {
                problems.add("no expectation for the route " + route + ": add one to RoleMatrixTest.EXPECTED");
            }
        }
        for (Expectation expected : EXPECTED) {
            boolean anticipated = expected.access() == Access.TWILIO;
            if (!anticipated && routes().stream().noneMatch(expected::covers)) {
                problems.add("no route for the expectation " + expected.method() + " " + expected.pattern()
                        + ": remove it from RoleMatrixTest.EXPECTED");
            }
        }
        assertThat(problems).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEachRoleAsExpected() {
        return routes().stream().map(route -> DynamicTest.dynamicTest(route.toString(), () -> check(route)));
    }

    @TestFactory
    Stream<DynamicTest> withRestrictedCaseloadsEveryRouteKeepsAnotherCaseworkersClientAway() {
        return routes().stream().filter(route -> EXPECTED.stream().anyMatch(expected -> expected.covers(route)
                        && (expected.access() == Access.STAFF || expected.access() == Access.CLIENT
                                || expected.access() == Access.AUTHOR)))
                .map(route -> DynamicTest.dynamicTest(route.toString(), () -> checkCaseload(route)));
    }

    /**
     * The caseload column: restricted caseloads on; another caseworker first (403 on the client's routes, nothing
     * changed; no link to the client or its texts on any other page), then a supervisor and the client's own
     * caseworker (allowed). The sample text and picture here are the client's own (the Incoming routes keep the
     * unknown number's text, which is nobody's client).
     */
    private void checkCaseload(Route route) {
        Expectation expected = EXPECTED.stream().filter(e -> e.covers(route)).findFirst().orElseThrow();
        String uri = restrictedSamplesFor(route);
        SoftAssertions softly = new SoftAssertions();
        for (String method : route.method().equals("*") ? List.of("GET", "POST") : List.of(route.method())) {
            String what = method + " " + uri + " (" + route + "), caseloads restricted";
            String before = databaseFingerprint();
            MvcTestResult asOther = perform(method, uri, expected.form(), as(other), true);
            if (expected.access() == Access.AUTHOR) {
                softly.assertThat(status(asOther)).as(what + " as another caseworker, not its author").isEqualTo(404);
                softly.assertThat(databaseFingerprint()).as(what + " as another caseworker changes nothing")
                        .isEqualTo(before);
            } else if (expected.access() == Access.CLIENT) {
                softly.assertThat(status(asOther)).as(what + " as another caseworker").isEqualTo(403);
                softly.assertThat(databaseFingerprint()).as(what + " as another caseworker changes nothing")
                        .isEqualTo(before);
            } else {
                expectAllowed(softly, what + " as another caseworker", asOther);
                String body = new String(asOther.getMvcResult().getResponse().getContentAsByteArray(),
                        java.nio.charset.StandardCharsets.UTF_8);
                softly.assertThat(body).as(what + " as another caseworker: no link to the client or its texts")
                        .doesNotContainPattern(clientLinks());
            }
            // a POST may have changed what the next person finds (a client added, a text attached): samples anew
            boolean post = method.equals("POST");
            String again = post ? restrictedSamplesFor(route) : uri;
            expectAllowed(softly, what + " as a supervisor", perform(method, again, expected.form(), as(supervisor), true));
            again = post ? restrictedSamplesFor(route) : uri;
            expectAllowed(softly, what + " as the client's caseworker",
                    perform(method, again, expected.form(), as(caseworker), true));
        }
        softly.assertAll();
    }

    /** The samples, restricted caseloads on, and the route's address with the client's own text and picture. */
    private String restrictedSamplesFor(Route route) {
        recreateSamples();
        jdbc.update("insert into caseload_settings (id, restricted) values (1, true)"
                + " on conflict (id) do update set restricted = true");
        if (!route.pattern().startsWith("/incoming/")) {
            samples.put("messageId", samples.get("clientMessageId"));
            samples.put("mediaId", samples.get("clientMediaId"));
        }
        return sampleUri(route.pattern());
    }

    /** A link to the sample client, its case, its texts or its picture. */
    private String clientLinks() {
        return "(/clients/" + samples.get("clientId") + "|/cases/" + samples.get("caseId") + "|/texts/("
                + samples.get("clientMessageId") + "|" + samples.get("clientSentId") + ")|/media/"
                + samples.get("clientMediaId") + "|data-message-id=\"(" + samples.get("clientMessageId") + "|"
                + samples.get("clientSentId") + "))(?![0-9])";
    }

    @Test
    void loginAndLogoutWithoutACsrfTokenAreRefused() {
        recreateSamples();
        assertThat(mvc.post().uri("/login").param("username", caseworker.getUsername())
                .param("password", STAFF_PASSWORD)).hasStatus(403);
        assertThat(mvc.post().uri("/logout").with(user(as(caseworker)))).hasStatus(403);
    }

    private void check(Route route) {
        Expectation expected = EXPECTED.stream().filter(e -> e.covers(route)).findFirst()
                .orElseThrow(() -> new AssertionError("no expectation for " + route));
        recreateSamples();
        String uri = sampleUri(route.pattern());
        SoftAssertions softly = new SoftAssertions();
        List<String> methods = route.method().equals("*") ? List.of("GET", "POST") : List.of(route.method());
        for (String method : methods) {
            String what = method + " " + uri + " (" + route + ")";
            if (method.equals("POST")) {
                checkCsrf(softly, what, method, uri, expected);
            }
            MvcTestResult anonymous = perform(method, uri, expected.form(), null, true);
            MvcTestResult asCaseworker = perform(method, uri, expected.form(), as(caseworker), true);
            MvcTestResult asAdmin = perform(method, uri, expected.form(), as(admin), true);
            MvcTestResult asSupervisor = perform(method, uri, expected.form(), as(supervisor), true);
            switch (expected.access()) {
                case PUBLIC -> {
                    expectAllowed(softly, what + " anonymous", anonymous);
                    expectAllowed(softly, what + " as a caseworker", asCaseworker);
                    expectAllowed(softly, what + " as an admin", asAdmin);
                    expectAllowed(softly, what + " as a supervisor", asSupervisor);
                }
                case STAFF, CLIENT, AUTHOR -> {
                    expectLogin(softly, what + " anonymous", anonymous);
                    expectAllowed(softly, what + " as a caseworker", asCaseworker);
                    expectAllowed(softly, what + " as an admin", asAdmin);
                    expectAllowed(softly, what + " as a supervisor", asSupervisor);
                }
                case ADMIN -> {
                    expectLogin(softly, what + " anonymous", anonymous);
                    softly.assertThat(status(asCaseworker)).as(what + " as a caseworker").isEqualTo(403);
                    softly.assertThat(status(asSupervisor)).as(what + " as a supervisor").isEqualTo(403);
                    expectAllowed(softly, what + " as an admin", asAdmin);
                }
                case TWILIO -> {
                    for (MvcTestResult result : List.of(anonymous, asCaseworker, asAdmin)) {
                        softly.assertThat(isLoginRedirect(result)).as(what + " is not sent to the login page").isFalse();
                    }
                }
                case ERROR_PAGE -> {
                    for (MvcTestResult result : List.of(anonymous, asCaseworker, asAdmin)) {
                        softly.assertThat(isLoginRedirect(result)).as(what + " is not sent to the login page").isFalse();
                        softly.assertThat(status(result)).as(what).isNotEqualTo(403);
                    }
                }
                case SANDBOX_API -> {
                    for (MvcTestResult result : List.of(anonymous, asCaseworker, asAdmin)) {
                        softly.assertThat(status(result)).as(what + " while the sandbox is off").isEqualTo(404);
                    }
                }
                case SANDBOX_PAGE -> {
                    expectLogin(softly, what + " anonymous", anonymous);
                    softly.assertThat(status(asCaseworker)).as(what + " as a caseworker, sandbox off").isEqualTo(404);
                    softly.assertThat(status(asSupervisor)).as(what + " as a supervisor, sandbox off").isEqualTo(404);
                    softly.assertThat(status(asAdmin)).as(what + " as an admin, sandbox off").isEqualTo(404);
                }
            }
            for (MvcTestResult result : List.of(anonymous, asCaseworker, asAdmin, asSupervisor)) {
                checkPage(softly, what, result);
            }
        }
        softly.assertAll();
    }

    /** Without a token: 403 whoever asks, and not a row changed (Twilio's webhooks excepted). */
    private void checkCsrf(SoftAssertions softly, String what, String method, String uri, Expectation expected) {
        String before = databaseFingerprint();
        MvcTestResult anonymous = perform(method, uri, expected.form(), null, false);
        MvcTestResult asAdmin = perform(method, uri, expected.form(), as(admin), false);
        if (expected.access() == Access.TWILIO) {
            softly.assertThat(isLoginRedirect(anonymous)).as(what + " without a CSRF token").isFalse();
            return;
        }
        if (expected.access() == Access.ERROR_PAGE) {
            // /error asked for directly is a page that does not exist, whatever the method (ErrorPathFilter)
            softly.assertThat(status(anonymous)).as(what + " anonymous without a CSRF token").isEqualTo(404);
            softly.assertThat(status(asAdmin)).as(what + " as an admin without a CSRF token").isEqualTo(404);
            softly.assertThat(databaseFingerprint()).as(what + " changes nothing").isEqualTo(before);
            return;
        }
        if (expected.access() == Access.SANDBOX_API) {
            softly.assertThat(status(anonymous)).as(what + " without a CSRF token, sandbox off").isEqualTo(404);
            softly.assertThat(databaseFingerprint()).as(what + " changes nothing").isEqualTo(before);
            return;
        }
        softly.assertThat(status(anonymous)).as(what + " anonymous without a CSRF token").isEqualTo(403);
        softly.assertThat(status(asAdmin)).as(what + " as an admin without a CSRF token").isEqualTo(403);
        softly.assertThat(databaseFingerprint()).as(what + " without a CSRF token changes nothing").isEqualTo(before);
    }

    private void checkPage(SoftAssertions softly, String what, MvcTestResult result) {
        softly.assertThat(result.getUnresolvedException()).as(what + ": no exception escapes").isNull();
        MockHttpServletResponse response = result.getMvcResult().getResponse();
        String contentType = response.getContentType();
        if (contentType != null && (contentType.startsWith("image/") || contentType.startsWith("application/pdf"))) {
            // a client's file: nothing in it may run or load anything
            softly.assertThat(response.getHeader("Content-Security-Policy")).as(what + ": CSP of a file")
                    .isEqualTo("default-src 'none'; sandbox");
        } else {
            softly.assertThat(response.getHeader("Content-Security-Policy")).as(what + ": CSP")
                    .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        }
        softly.assertThat(response.getHeader("X-Content-Type-Options")).as(what + ": nosniff").isEqualTo("nosniff");
        softly.assertThat(response.getHeader("Referrer-Policy")).as(what + ": referrer policy").isEqualTo("same-origin");
        if (contentType != null && contentType.startsWith("text/html")) {
            String html = new String(response.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            softly.assertThat(PageRules.breaches(html)).as(what + ": the page's HTML").isEmpty();
        }
    }

    private MvcTestResult perform(String method, String uri, Map<String, String> form, StaffPrincipal who,
            boolean withCsrfToken) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), uri);
        if (method.equals("POST")) {
            form.forEach((name, value) -> request.param(name, sampleUri(value)));
        }
        if (who != null) {
            request.with(user(who));
        }
        if (withCsrfToken) {
            request.with(csrf());
        }
        return mvc.perform(request);
    }

    private static void expectAllowed(SoftAssertions softly, String what, MvcTestResult result) {
        softly.assertThat(status(result)).as(what + " answers 200 or a redirect").isBetween(200, 399);
        softly.assertThat(isLoginRedirect(result)).as(what + " is not sent to the login page").isFalse();
    }

    private static void expectLogin(SoftAssertions softly, String what, MvcTestResult result) {
        softly.assertThat(isLoginRedirect(result)).as(what + " is sent to the login page (status %d)", status(result))
                .isTrue();
    }

    private static int status(MvcTestResult result) {
        return result.getMvcResult().getResponse().getStatus();
    }

    private static boolean isLoginRedirect(MvcTestResult result) {
        String location = result.getMvcResult().getResponse().getRedirectedUrl();
        return status(result) == 302 && location != null && location.matches("(https?://[^/]+)?/login");
    }

    /** Every route of every RequestMappingInfo handler mapping: the application's and the actuator's. */
    private Collection<Route> routes() {
        TreeSet<Route> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                List<String> methods = info.getMethodsCondition().getMethods().stream().map(RequestMethod::name)
                        .toList();
                for (String pattern : info.getPatternValues()) {
                    for (String method : methods.isEmpty() ? List.of("*") : methods) {
                        routes.add(new Route(method, pattern));
                    }
                }
            }
        }
        return routes;
    }

    /** The pattern with each {variable} replaced by the id of a sample record ({@link #samples}). */
    private String sampleUri(String pattern) {
        Matcher variables = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        StringBuilder uri = new StringBuilder();
        while (variables.find()) {
            String value = samples.get(variables.group(1));
            assertThat(value).as("a sample value for {%s} in %s: add one to RoleMatrixTest.recreateSamples()",
                    variables.group(1), pattern).isNotNull();
            variables.appendReplacement(uri, value);
        }
        variables.appendTail(uri);
        return uri.toString().replace("/**", "/liveness");
    }

    /** Empties the database and adds one of everything, named with stored-XSS payloads. */
    private void recreateSamples() {
        emptyEveryTable();
        samples.clear();
        admin = staff("matrixadmin", Attacks.IMG_ONERROR, "ADMIN");
        caseworker = staff("matrixcasey", Attacks.SCRIPT, "CASEWORKER");
        other = staff("matrixother", Attacks.JAVASCRIPT_URL, "CASEWORKER");
        supervisor = staff("matrixsuper", Attacks.SCRIPT + " supervisor", "SUPERVISOR");
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        // A language as only the database could name it (the Languages page refuses such names): the client prefers
        // it, so the record, the client form and Send Text show it, and a Quick Entry has a version in it.
        long language = jdbc.queryForObject("insert into languages (name, code, created_at) values (?, null, now()) "
                + "returning id", Long.class, Attacks.IMG_ONERROR);
        Client client = ClientFixture.client(Attacks.SCRIPT, Attacks.IMG_ONERROR).cell("404", "538-7319").safe(true).okayToText(true)
                .language(language).create(clientService, as(caseworker));
        CaseRecord caseRecord = caseService.openCase(client.getId(), "16E-20010101", Attacks.IMG_ONERROR,
                LocalDate.of(2016, 8, 1), null);
        Long quickEntry = jdbc.queryForObject("insert into quick_entries (text, position, created_at, updated_at) "
                + "values (?, 1, now(), now()) returning id", Long.class, Attacks.IMG_ONERROR + " {first_name}");
        jdbc.update("insert into quick_entries (text, position, created_at, updated_at) values (?, 2, now(), now())",
                Attacks.SCRIPT);
        jdbc.update("insert into quick_entry_versions (quick_entry_id, language_id, text, updated_at) "
                + "values (?, ?, ?, now())", quickEntry, language, Attacks.SCRIPT + " {first_name}");
        MvcTestResult sent = mvc.post().uri("/clients/{id}/texts", client.getId()).with(user(as(caseworker)))
                .with(csrf()).param("caseId", String.valueOf(caseRecord.getId())).param("body", Attacks.SCRIPT)
                .param("sendKey", UUID.randomUUID().toString()).exchange();
        String messageUrl = sent.getMvcResult().getResponse().getRedirectedUrl();
        assertThat(messageUrl).as("the sample text was sent").matches("/texts/\\d+");
        samples.put("clientId", String.valueOf(client.getId()));
        samples.put("caseId", String.valueOf(caseRecord.getId()));
        // ... and one scheduled for later (reminders)
        String scheduleKey = UUID.randomUUID().toString();
        assertThat(mvc.post().uri("/clients/{id}/texts", client.getId()).with(user(as(caseworker))).with(csrf())
                .param("body", Attacks.SCRIPT).param("sendKey", scheduleKey).param("when", "later")
                .param("sendDate", LocalDate.now().plusDays(30).toString()).param("sendTime", "10:00"))
                .hasRedirectedUrl("/scheduled");
        samples.put("scheduledId", String.valueOf(jdbc.queryForObject(
                "select id from scheduled_texts where send_key = ?", Long.class, scheduleKey)));
        assertThat(messageUrl).isNotBlank();
        // ... and a group text, the caseworker's, whose recipient is that scheduled text (group texts)
        long groupId = jdbc.queryForObject("""
                insert into group_texts (author_id, body, filter_key, recipient_count, send_key, created_at)
                values (?, ?, 'my-clients', 1, ?, now()) returning id""", Long.class, caseworker.getId(),
                Attacks.SCRIPT + " {first_name}", UUID.randomUUID().toString());
        jdbc.update("insert into group_text_recipients (group_text_id, client_id, scheduled_text_id) values (?, ?, ?)",
                groupId, client.getId(), Long.parseLong(samples.get("scheduledId")));
        samples.put("groupId", String.valueOf(groupId));
        // The sample text is one from an unknown number, so the Incoming routes have theirs too.
        incomingTexts.receive(FakeTwilio.newMessageSid(), "+17705550100", TwilioSetupFixture.TWILIO_NUMBER,
                Attacks.SCRIPT + " " + Attacks.IMG_ONERROR, null);
        samples.put("messageId", String.valueOf(jdbc.queryForObject(
                "select id from text_messages where direction = 'INBOUND' and unknown_number", Long.class)));
        // ... one from the client, and the text sent to it: the caseload column's texts
        incomingTexts.receive(FakeTwilio.newMessageSid(), "+14045387319", TwilioSetupFixture.TWILIO_NUMBER,
                Attacks.SCRIPT + " from the client", null);
        samples.put("clientMessageId", String.valueOf(jdbc.queryForObject(
                "select id from text_messages where direction = 'INBOUND' and not unknown_number", Long.class)));
        samples.put("clientSentId", messageUrl.substring("/texts/".length()));
        // ... and a picture it came with, kept
        samples.put("mediaId", String.valueOf(jdbc.queryForObject("""
                insert into text_media (text_message_id, position, twilio_url, declared_type, state, content_type,
                    size_bytes, content, next_attempt_at)
                values (?, 0, 'https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME', 'image/png',
                    'STORED', 'image/png', 4, ?, now())
                returning id""", Long.class, Long.parseLong(samples.get("messageId")),
                new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        samples.put("clientMediaId", String.valueOf(jdbc.queryForObject("""
                insert into text_media (text_message_id, position, twilio_url, declared_type, state, content_type,
                    size_bytes, content, next_attempt_at)
                values (?, 0, 'https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/MF', 'image/png',
                    'STORED', 'image/png', 4, ?, now())
                returning id""", Long.class, Long.parseLong(samples.get("clientMessageId")),
                new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        // ... and an appointment with a reminder plan and text (appointments)
        long reminderText = jdbc.queryForObject("insert into reminder_texts (name, text, created_at, updated_at) "
                + "values (?, ?, now(), now()) returning id", Long.class, Attacks.SCRIPT, Attacks.IMG_ONERROR
                + " {first_name}");
        samples.put("textId", String.valueOf(reminderText));
        samples.put("planId", String.valueOf(jdbc.queryForObject("insert into reminder_plans (days_before, at_time, "
                + "reminder_text_id, active, created_at) values (1, '10:00', ?, true, now()) returning id", Long.class,
                reminderText)));
        samples.put("appointmentId", String.valueOf(jdbc.queryForObject("""
                insert into appointments (case_id, client_id, starts_at, place, note, staff_id, state, answer,
                    answered_at, created_by, created_at, updated_at)
                values (?, ?, now() + interval '30 days', ?, ?, ?, 'BOOKED', 'CONFIRMED', now(), ?, now(), now())
                returning id""", Long.class, caseRecord.getId(), client.getId(), Attacks.SCRIPT, Attacks.IMG_ONERROR,
                other.getId(), caseworker.getId())));
        samples.put("id", String.valueOf(quickEntry));
        samples.put("staffId", String.valueOf(other.getId()));
        samples.put("accountSid", "ACfeedfacefeedfacefeedfacefeedface");
        samples.put("messageSid", "SM0123456789abcdef0123456789abcdef");
        samples.put("mediaSid", "ME0123456789abcdef0123456789abcdef");
        samples.put("serviceSid", "MGfeedfacefeedfacefeedfacefeedface");
    }

    /**
     * A staff account written straight into the table, to spare a BCrypt hash per account and route
     * (requests here act as a principal; nobody logs in with a password).
     */
    private Staff staff(String username, String displayName, String role) {
        Long id = jdbc.queryForObject("insert into staff (username, password_hash, display_name, role, enabled, "
                + "created_at) values (?, 'not used', ?, ?, true, now()) returning id", Long.class, username,
                displayName, role);
        return staffService.findStaff(id);
    }

    /**
     * Every row of every application table (sessions and login failures aside), as one digest; of the clustered
     * scheduler's table, the tasks a request may have written (the recurring jobs' rows change at each run).
     */
    private String databaseFingerprint() {
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                  and table_name not like 'spring_session%' and table_name not in ('flyway_schema_history')
                order by table_name""", String.class);
        StringBuilder digest = new StringBuilder();
        for (String table : tables) {
            String rows = table.equals("scheduled_tasks") ? "(select * from scheduled_tasks"
                    + " where task_instance <> 'recurring')" : table;
            digest.append(table).append('=').append(jdbc.queryForObject(
                    "select coalesce(md5(string_agg(t::text, '|' order by t::text)), '-') from " + rows + " t",
                    String.class)).append(' ');
        }
        return digest.toString();
    }

    private static Expectation get(String pattern, Access access) {
        return new Expectation("GET", pattern, access, Map.of());
    }

    private static Expectation any(String pattern, Access access) {
        return new Expectation("*", pattern, access, Map.of());
    }

    private static Expectation post(String pattern, Access access, String... form) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < form.length; i += 2) {
            params.put(form[i], form[i + 1]);
        }
        return new Expectation("POST", pattern, access, params);
    }
}
