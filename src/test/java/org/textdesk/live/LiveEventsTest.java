package org.textdesk.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.FakeTwilio;
import org.textdesk.HttpVisitor;
import org.textdesk.IntegrationTest;
import org.textdesk.SecondInstance;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.texts.TextMessageRows;

/**
 * The event stream over real HTTP on PostgreSQL: staff only; an incoming text taken by the second instance reaches
 * a stream of this one, as ids and kinds only; however many streams are open, the instance listens on one
 * connection and the streams hold none.
 */
class LiveEventsTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    ClientService clientService;

    @Autowired
    DataSource dataSource;

    @Autowired
    PostgresLiveListener listener;

    Staff casey;
    Client jordan;
    String session;

    @BeforeEach
    void caseyWithAClientLoggedIn() {
        configureTwilio();
        casey = newCaseworker();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        HttpVisitor visitor = new HttpVisitor(baseUrl());
        assertThat(visitor.logIn(casey.getUsername(), STAFF_PASSWORD).statusCode()).isEqualTo(302);
        session = visitor.cookie(SESSION_COOKIE).orElseThrow();
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPageWithoutAStream() {
        try (EventStream anonymous = EventStream.open(baseUrl(), null)) {
            assertThat(anonymous.response().statusCode()).isEqualTo(302);
            assertThat(anonymous.response().headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
            assertThat(anonymous.response().headers().firstValue("Content-Type").orElse(""))
                    .doesNotContain("text/event-stream");
        }
    }

    @Test
    void aTextTakenByTheSecondInstanceReachesThisInstancesStreamAsIdsOnly() throws InterruptedException {
        String second = SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl()).baseUrl();
        try (EventStream stream = EventStream.open(baseUrl(), session)) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            assertThat(stream.response().headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/event-stream");

            String sid = FakeTwilio.newMessageSid();
            HttpResponse<String> taken = TwilioWebhookRequests.postHttp(second, "/twilio/sms",
                    TwilioWebhookRequests.incomingText(sid, "+14045387319", "Please call me about the rent"));
            assertThat(taken.statusCode()).isEqualTo(200);

            String data = stream.nextData(WAIT);
            long messageId = jdbc.queryForObject("select id from text_messages where twilio_sid = ?", Long.class, sid);
            assertThat(data).isEqualTo("{\"kind\":\"incoming\",\"clientId\":" + jordan.getId() + ",\"messageId\":"
                    + messageId + ",\"mine\":true}");
            assertThat(stream.everything()).doesNotContain("rent", "4045387319", "404-538", "Jordan", "Avery", sid);
        }
    }

    @Test
    void aStatusCallbackTakenByTheSecondInstanceReachesThisInstancesStream() throws InterruptedException {
        String second = SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl()).baseUrl();
        String sid = FakeTwilio.newMessageSid();
        long messageId = TextMessageRows.outbound(jdbc, jordan.getId(), "+14045387319", sid, "sent",
                "Your appointment is on Monday.", Instant.parse("2026-03-02T15:00:00Z"));
        try (EventStream stream = EventStream.open(baseUrl(), session)) {
            assertThat(TwilioWebhookRequests.postHttp(second, "/twilio/status",
                    TwilioWebhookRequests.statusCallback(sid, "delivered")).statusCode()).isEqualTo(200);

            assertThat(stream.nextData(WAIT)).isEqualTo("{\"kind\":\"status\",\"clientId\":" + jordan.getId()
                    + ",\"messageId\":" + messageId + ",\"mine\":false}");
            // The same report again changes nothing, and announces nothing.
            assertThat(TwilioWebhookRequests.postHttp(second, "/twilio/status",
                    TwilioWebhookRequests.statusCallback(sid, "delivered")).statusCode()).isEqualTo(200);
            assertThat(stream.nextData(Duration.ofSeconds(1))).isNull();
        }
    }

    @Test
    void fiftyStreamsShareTheInstancesOneListeningConnection() throws InterruptedException {
        String countListeners = "select count(*) from pg_stat_activity where application_name = ?";
        String countBackends = "select count(*) from pg_stat_activity where datname = current_database()";
        assertThat(jdbc.queryForObject(countListeners, Integer.class, listener.applicationName())).isEqualTo(1);
        int backendsBefore = jdbc.queryForObject(countBackends, Integer.class);

        List<EventStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                EventStream stream = EventStream.open(baseUrl(), session);
                assertThat(stream.response().statusCode()).isEqualTo(200);
                streams.add(stream);
            }
            assertThat(jdbc.queryForObject(countListeners, Integer.class, listener.applicationName())).isEqualTo(1);
            // The pool may replace a connection meanwhile; 50 streams holding a connection each would be 50 more.
            assertThat(jdbc.queryForObject(countBackends, Integer.class)).isLessThanOrEqualTo(backendsBefore + 2);

            String sid = FakeTwilio.newMessageSid();
            assertThat(TwilioWebhookRequests.postHttp(baseUrl(), "/twilio/sms",
                    TwilioWebhookRequests.incomingText(sid, "+14045387319", "Is the office open?")).statusCode())
                    .isEqualTo(200);
            long messageId = jdbc.queryForObject("select id from text_messages where twilio_sid = ?", Long.class, sid);
            for (EventStream stream : streams) {
                assertThat(stream.nextData(WAIT)).isEqualTo("{\"kind\":\"incoming\",\"clientId\":" + jordan.getId()
                        + ",\"messageId\":" + messageId + ",\"mine\":true}");
            }
        } finally {
            streams.forEach(EventStream::close);
        }
    }
}
