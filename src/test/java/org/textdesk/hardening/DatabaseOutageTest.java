package org.textdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.HttpVisitor;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.IntegrationTest;
import org.textdesk.SecondInstance;
import org.textdesk.staff.Staff;

/**
 * PostgreSQL goes away while TextDesk runs (a second instance, whose connection to the shared
 * PostgreSQL runs through a proxy that the test cuts): pages show the friendly "Temporarily
 * unavailable" with 503, not a 500; nothing is half-written; and when the database is back, the same
 * session works again without a restart.
 */
class DatabaseOutageTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    private SecondInstance instance;
    private HttpVisitor casey;

    @BeforeEach
    void aCaseworkerLoggedInOnTheSecondInstance() {
        instance = SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl());
        Staff staff = newCaseworker();
        casey = new HttpVisitor(instance.baseUrl());
        assertThat(casey.logIn(staff.getUsername(), STAFF_PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(casey.get("/clients").statusCode()).isEqualTo(200);
    }

    /** And known to be back (the next test may use the second instance at once). */
    @AfterEach
    void databaseBack() {
        instance.database().restore();
        untilTheDatabaseIsBack(() -> new HttpVisitor(instance.baseUrl()).get("/actuator/health"));
    }

    @Test
    void pagesSay503TemporarilyUnavailableAndWorkAgainWhenTheDatabaseIsBack() {
        instance.database().cut();

        long started = System.nanoTime();
        HttpResponse<String> clients = casey.get("/clients");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertUnavailable(clients);
        HttpResponse<String> login = new HttpVisitor(instance.baseUrl()).get("/login");
        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(login.headers().firstValue("Retry-After")).contains("30");
        assertThat(login.body()).contains("Log in to TextDesk", "TextDesk cannot reach its database right now, so "
                + "nobody can log in.").doesNotContain("_csrf");
        assertUnavailable(casey.get("/admin/staff"));

        instance.database().restore();
        HttpResponse<String> again = untilTheDatabaseIsBack(() -> casey.get("/clients"));
        assertThat(again.body()).contains("Clients", "Log out");
    }

    @Test
    void aFormPostedWhileTheDatabaseIsAwayIsRefusedWith503AndWritesNothing() {
        String form = casey.get("/clients/new").body();
        instance.database().cut();

        HttpResponse<String> posted = casey.post("/clients/new", form,
                Map.of("firstName", "Dana", "lastName", "Outage", "cellAreaCode", "404", "cellNumber", "538-7399"));
        assertUnavailable(posted);

        instance.database().restore();
        assertThat(jdbc.queryForObject("select count(*) from clients", Integer.class)).isZero();
        HttpResponse<String> retried = untilTheDatabaseIsBack(() -> casey.post("/clients/new", form,
                Map.of("firstName", "Dana", "lastName", "Outage", "cellAreaCode", "404", "cellNumber", "538-7399")));
        assertThat(retried.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from clients", Integer.class)).isEqualTo(1);
    }

    @Test
    void twilioWebhooksGetA5xxSoTwilioRetriesAndNothingIsHalfWritten() {
        configureTwilio();
        jdbc.update("insert into text_messages (direction, to_number, from_number, body, twilio_sid, status,"
                + " status_rank, created_at, status_changed_at) values ('OUTBOUND', '+14045387319',"
                + " '+14044764365', 'Outage text', 'SMoutage0001', 'queued', 0, now(), now())");
        instance.database().cut();

        HttpResponse<String> status = TwilioWebhookRequests.postHttp(instance.baseUrl(), "/twilio/status",
                TwilioWebhookRequests.statusCallback("SMoutage0001", "delivered"));
        HttpResponse<String> incoming = TwilioWebhookRequests.postHttp(instance.baseUrl(), "/twilio/sms",
                TwilioWebhookRequests.incomingText("SMoutage0002", "+14045387319", "Hello during the outage"));
        assertThat(status.statusCode()).isBetween(500, 599);
        assertThat(incoming.statusCode()).isBetween(500, 599);

        instance.database().restore();
        assertThat(jdbc.queryForObject("select status from text_messages where twilio_sid = 'SMoutage0001'",
                String.class)).isEqualTo("queued");
        assertThat(jdbc.queryForObject("select count(*) from message_status_events", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from text_messages where direction = 'INBOUND'",
                Integer.class)).isZero();
        HttpResponse<String> retried = untilTheDatabaseIsBack(() -> TwilioWebhookRequests.postHttp(
                instance.baseUrl(), "/twilio/status", TwilioWebhookRequests.statusCallback("SMoutage0001", "delivered")));
        assertThat(retried.statusCode()).isBetween(200, 204);
        assertThat(jdbc.queryForObject("select status from text_messages where twilio_sid = 'SMoutage0001'",
                String.class)).isEqualTo("delivered");
    }

    /**
     * Asks again until the answer is not 503: the connection pool reconnects by itself, within a few
     * seconds (HikariCP waits a little longer between attempts after failures).
     */
    private static HttpResponse<String> untilTheDatabaseIsBack(Supplier<HttpResponse<String>> request) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> response = request.get();
        while (response.statusCode() == 503 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(250));
            response = request.get();
        }
        assertThat(response.statusCode()).as("the answer once the database is back").isNotEqualTo(503);
        return response;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        String what = response.request().uri().getPath();
        assertThat(response.statusCode()).as(what).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).as(what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Retry-After")).as(what).contains("30");
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(what).isPresent();
        assertThat(response.body()).as(what).contains("Temporarily unavailable",
                "TextDesk cannot reach its database right now. Nothing you did was lost; please try again in a minute.",
                "/css/textdesk.css").doesNotContain("Exception", "PSQL", "Hikari");
        assertThat(PageRules.breaches(response.body())).as(what).isEmpty();
    }
}
