package org.textdesk.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
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
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * The event stream over real HTTP on PostgreSQL: staff only; an incoming text taken by the second instance reaches
 * a stream of this one, as ids and kinds only; however many streams are open, the instance listens on one
 * connection and the streams hold none.
 */
class LiveEventsTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** For what waits on the listener's reconnection: generous, as CI runs loaded. */
    private static final Duration LONG_WAIT = Duration.ofSeconds(60);

    @Autowired
    ClientService clientService;

    @Autowired
    DataSource dataSource;

    @Autowired
    PostgresLiveListener listener;

    @Autowired
    LiveStreams liveStreams;

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
        try (EventStream stream = EventStream.conversation(baseUrl(), session, jordan.getId())) {
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

    /**
     * The listener's connection is killed from the database's side (as a failover or an administrator would):
     * it connects again, LISTENs again, and tells every open page to refresh (what was notified meanwhile is lost),
     * and carries events again. Every step waits on a condition with a generous limit, never on the back-off's timing.
     */
    @Test
    void aListenerWhoseConnectionIsKilledListensAgainAndThePagesGetWhatTheyMissed() throws InterruptedException {
        try (EventStream stream = EventStream.open(baseUrl(), session)) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            long killed = listeningBackend();
            assertThat(jdbc.queryForObject("select pg_terminate_backend(cast(? as integer))", Boolean.class, killed)).isTrue();

            // A text while the listener is away (or already back: either way the page must end up showing it).
            String missed = FakeTwilio.newMessageSid();
            assertThat(TwilioWebhookRequests.postHttp(baseUrl(), "/twilio/sms",
                    TwilioWebhookRequests.incomingText(missed, "+14045387319", "Did you get my letter?")).statusCode())
                    .isEqualTo(200);

            Awaitility.await("a new listening connection").atMost(LONG_WAIT)
                    .until(this::listeningBackendOrNull, pid -> pid != null && pid != killed);
            assertThat(dataUntil(stream, "{\"kind\":\"resync\",\"mine\":false}"::equals)).isTrue();
            // What the page fetches when told to resync shows the text it was not told about.
            assertThat(countedGet("/inbox", casey).result()).contains("Did you get my letter?");

            String after = FakeTwilio.newMessageSid();
            assertThat(TwilioWebhookRequests.postHttp(baseUrl(), "/twilio/sms",
                    TwilioWebhookRequests.incomingText(after, "+14045387319", "Are you there?")).statusCode())
                    .isEqualTo(200);
            long messageId = jdbc.queryForObject("select id from text_messages where twilio_sid = ?", Long.class, after);
            String expected = "{\"kind\":\"incoming\",\"clientId\":" + jordan.getId() + ",\"messageId\":" + messageId
                    + ",\"mine\":true}";
            assertThat(dataUntil(stream, expected::equals)).isTrue();
        }
    }

    /**
     * Stopped and started again at once (Spring's test framework pauses and resumes contexts): one loop listens, not
     * two (every event once) and not none (the old loop's end must not stop the new one).
     */
    @Test
    void aListenerStoppedAndStartedAgainListensOnceOnOneConnection() throws InterruptedException {
        long before = listeningBackend();
        listener.stop();
        listener.start();
        Awaitility.await("the new start listening").atMost(LONG_WAIT)
                .until(this::listeningBackendOrNull, pid -> pid != null && pid != before);
        try (EventStream stream = EventStream.open(baseUrl(), session)) {
            String sid = FakeTwilio.newMessageSid();
            assertThat(TwilioWebhookRequests.postHttp(baseUrl(), "/twilio/sms",
                    TwilioWebhookRequests.incomingText(sid, "+14045387319", "Hello again")).statusCode())
                    .isEqualTo(200);
            long messageId = jdbc.queryForObject("select id from text_messages where twilio_sid = ?", Long.class, sid);
            String expected = "{\"kind\":\"incoming\",\"clientId\":" + jordan.getId() + ",\"messageId\":" + messageId
                    + ",\"mine\":true}";
            assertThat(dataUntil(stream, expected::equals)).isTrue();
            // The old loop's poll (5 s at most) has ended by now: a second listener would have sent it twice.
            assertThat(stream.nextData(Duration.ofSeconds(6))).isNull();
            assertThat(jdbc.queryForObject("select count(*) from pg_stat_activity where application_name = ?",
                    Integer.class, listener.applicationName())).isEqualTo(1);
        }
    }

    /**
     * Per-person read state, live: opening a thread that had something new for me tells my streams (my counts
     * changed); opening it again with nothing new tells nobody, so an open thread's own refresh never loops.
     */
    @Test
    void openingAThreadWithSomethingNewTellsMyStreamsOnce() throws InterruptedException {
        String sid = FakeTwilio.newMessageSid();
        assertThat(TwilioWebhookRequests.postHttp(baseUrl(), "/twilio/sms",
                TwilioWebhookRequests.incomingText(sid, "+14045387319", "Can we talk?")).statusCode()).isEqualTo(200);
        String read = "{\"kind\":\"read\",\"clientId\":" + jordan.getId() + ",\"mine\":true}";
        try (EventStream stream = EventStream.open(baseUrl(), session)) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            countedGet("/clients/" + jordan.getId() + "/conversation", casey);
            assertThat(dataUntil(stream, read::equals)).isTrue();

            countedGet("/clients/" + jordan.getId() + "/conversation", casey);
            countedGet("/clients/" + jordan.getId() + "/conversation/messages", casey);
            String next;
            while ((next = stream.nextData(Duration.ofSeconds(3))) != null) {
                assertThat(next).doesNotContain("\"kind\":\"read\"");
            }
        }
    }

    /** Events that waited for the fan-out thread go out in one write, each still an event of its own. */
    @Test
    void eventsDeliveredTogetherArriveAsSeparateEvents() throws InterruptedException {
        try (EventStream stream = EventStream.conversation(baseUrl(), session, jordan.getId())) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            liveStreams.deliver(List.of(LiveEvent.status(41, jordan.getId()), LiveEvent.picture(42, jordan.getId()),
                    LiveEvent.incoming(43, jordan.getId(), casey.getId())));
            assertThat(stream.nextData(WAIT)).isEqualTo("{\"kind\":\"status\",\"clientId\":" + jordan.getId()
                    + ",\"messageId\":41,\"mine\":false}");
            assertThat(stream.nextData(WAIT)).isEqualTo("{\"kind\":\"picture\",\"clientId\":" + jordan.getId()
                    + ",\"messageId\":42,\"mine\":false}");
            assertThat(stream.nextData(WAIT)).isEqualTo("{\"kind\":\"incoming\",\"clientId\":" + jordan.getId()
                    + ",\"messageId\":43,\"mine\":true}");
            assertThat(stream.everything()).contains("\n\nevent:live\ndata:{\"kind\":\"picture\"",
                    "\n\nevent:live\ndata:{\"kind\":\"incoming\"");
        }
    }

    /**
     * A burst goes out in the order it came, each event once however often it came in the batch (a page refreshes
     * once for it anyway), each still an event of its own; a page that does not show the client gets none of its
     * statuses.
     */
    @Test
    void aBurstGoesOutInOrderEachEventOnce() throws InterruptedException {
        try (EventStream thread = EventStream.conversation(baseUrl(), session, jordan.getId());
                EventStream inbox = EventStream.open(baseUrl(), session)) {
            assertThat(thread.response().statusCode()).isEqualTo(200);
            assertThat(inbox.response().statusCode()).isEqualTo(200);
            long client = jordan.getId();
            liveStreams.deliver(List.of(LiveEvent.status(41, client), LiveEvent.status(42, client),
                    LiveEvent.status(41, client), LiveEvent.incoming(43, client, casey.getId()),
                    LiveEvent.status(42, client)));

            assertThat(thread.nextData(WAIT)).isEqualTo(status(41));
            assertThat(thread.nextData(WAIT)).isEqualTo(status(42));
            assertThat(thread.nextData(WAIT)).isEqualTo("{\"kind\":\"incoming\",\"clientId\":" + client
                    + ",\"messageId\":43,\"mine\":true}");
            assertThat(inbox.nextData(WAIT)).isEqualTo("{\"kind\":\"incoming\",\"clientId\":" + client
                    + ",\"messageId\":43,\"mine\":true}");
            assertThat(thread.nextData(Duration.ofSeconds(1))).isNull();
            assertThat(inbox.nextData(Duration.ofMillis(100))).isNull();
            assertThat(thread.everything()).contains(status(41) + "\n\nevent:live\ndata:" + status(42));
        }
    }

    private String status(long messageId) {
        return "{\"kind\":\"status\",\"clientId\":" + jordan.getId() + ",\"messageId\":" + messageId
                + ",\"mine\":false}";
    }

    /**
     * A status callback reaches the conversation of the text's client, not the conversation of another client nor
     * any other page (no other page shows statuses); a new text that follows reaches every page.
     */
    @Test
    void aStatusReachesOnlyTheConversationOfItsClient() throws InterruptedException {
        Client lee = ClientFixture.client("Lee", "Carter").cell("770", "555-0111").safe(true).okayToText(true)
                .create(clientService, as(casey));
        String sid = FakeTwilio.newMessageSid();
        long messageId = TextMessageRows.outbound(jdbc, jordan.getId(), "+14045387319", sid, "sent",
                "Your appointment is on Monday.", Instant.parse("2026-03-02T15:00:00Z"));
        try (EventStream jordans = EventStream.conversation(baseUrl(), session, jordan.getId());
                EventStream lees = EventStream.conversation(baseUrl(), session, lee.getId());
                EventStream inbox = EventStream.open(baseUrl(), session)) {
            assertThat(TwilioWebhookRequests.postHttp(baseUrl(), "/twilio/status",
                    TwilioWebhookRequests.statusCallback(sid, "delivered")).statusCode()).isEqualTo(200);
            String textSid = FakeTwilio.newMessageSid();
            assertThat(TwilioWebhookRequests.postHttp(baseUrl(), "/twilio/sms",
                    TwilioWebhookRequests.incomingText(textSid, "+17705550111", "Is the office open?")).statusCode())
                    .isEqualTo(200);
            long textId = jdbc.queryForObject("select id from text_messages where twilio_sid = ?", Long.class, textSid);
            String incoming = "{\"kind\":\"incoming\",\"clientId\":" + lee.getId() + ",\"messageId\":" + textId
                    + ",\"mine\":true}";

            assertThat(jordans.nextData(WAIT)).isEqualTo(status(messageId));
            assertThat(jordans.nextData(WAIT)).isEqualTo(incoming);
            // Events go out in order on one thread: the first these pages get is the later text.
            assertThat(lees.nextData(WAIT)).isEqualTo(incoming);
            assertThat(inbox.nextData(WAIT)).isEqualTo(incoming);
            assertThat(lees.everything() + inbox.everything()).doesNotContain("\"kind\":\"status\"");
        }
    }

    /**
     * A picture fetched in the background reaches the conversation of the text's client (the only page that shows
     * it), named with that client; other pages get the new text but not the picture.
     */
    @Test
    void aFetchedPictureReachesTheConversationOfTheTextsClient() throws InterruptedException {
        String sid = "MM" + FakeTwilio.newMessageSid().substring(2);
        String url = fakeTwilio.serveMedia(TwilioSetupFixture.ACCOUNT_SID, sid, "image/png", java.util.Base64
                .getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
                false);
        java.util.Map<String, String> mms = new java.util.LinkedHashMap<>(
                TwilioWebhookRequests.incomingText(sid, "+14045387319", ""));
        mms.put("NumMedia", "1");
        mms.put("MediaContentType0", "image/png");
        mms.put("MediaUrl0", url);
        try (EventStream thread = EventStream.conversation(baseUrl(), session, jordan.getId());
                EventStream inbox = EventStream.open(baseUrl(), session)) {
            assertThat(TwilioWebhookRequests.postHttp(baseUrl(), "/twilio/sms", mms).statusCode()).isEqualTo(200);
            long messageId = jdbc.queryForObject("select id from text_messages where twilio_sid = ?", Long.class, sid);
            String incoming = "{\"kind\":\"incoming\",\"clientId\":" + jordan.getId() + ",\"messageId\":"
                    + messageId + ",\"mine\":true}";

            assertThat(thread.nextData(WAIT)).isEqualTo(incoming);
            assertThat(dataUntil(thread, ("{\"kind\":\"picture\",\"clientId\":" + jordan.getId() + ",\"messageId\":"
                    + messageId + ",\"mine\":false}")::equals)).isTrue();
            assertThat(inbox.nextData(WAIT)).isEqualTo(incoming);
            // Events go out in order: once a later one has reached the inbox, the picture would have too.
            liveStreams.deliver(List.of(LiveEvent.resync()));
            assertThat(inbox.nextData(WAIT)).isEqualTo("{\"kind\":\"resync\",\"mine\":false}");
        }
    }

    /** Reading a thread tells the reader's own pages (their counts changed), not another staff member's. */
    @Test
    void aReadReachesOnlyTheReadersPages() throws InterruptedException {
        Staff robin = newCaseworker();
        HttpVisitor visitor = new HttpVisitor(baseUrl());
        assertThat(visitor.logIn(robin.getUsername(), STAFF_PASSWORD).statusCode()).isEqualTo(302);
        String robinsSession = visitor.cookie(SESSION_COOKIE).orElseThrow();
        try (EventStream caseys = EventStream.open(baseUrl(), session);
                EventStream robins = EventStream.open(baseUrl(), robinsSession)) {
            liveStreams.deliver(List.of(LiveEvent.read(jordan.getId(), casey.getId()), LiveEvent.resync()));
            assertThat(caseys.nextData(WAIT)).isEqualTo("{\"kind\":\"read\",\"clientId\":" + jordan.getId()
                    + ",\"mine\":true}");
            assertThat(caseys.nextData(WAIT)).isEqualTo("{\"kind\":\"resync\",\"mine\":false}");
            assertThat(robins.nextData(WAIT)).isEqualTo("{\"kind\":\"resync\",\"mine\":false}");
        }
    }

    /** Reads the stream's events until one matches (true), skipping others, or nothing more comes in time (false). */
    private static boolean dataUntil(EventStream stream, java.util.function.Predicate<String> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + LONG_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String data = stream.nextData(Duration.ofSeconds(1));
            if (data != null && wanted.test(data)) {
                return true;
            }
        }
        return false;
    }

    /** The backend of this instance's listener once it has issued LISTEN, waiting for it. */
    private long listeningBackend() {
        return Awaitility.await("the listener listening").atMost(LONG_WAIT)
                .until(this::listeningBackendOrNull, java.util.Objects::nonNull);
    }

    private Long listeningBackendOrNull() {
        List<Long> pids = jdbc.queryForList("""
                select pid from pg_stat_activity where application_name = ? and query = 'listen textdesk_live'""",
                Long.class, listener.applicationName());
        return pids.size() == 1 ? pids.get(0) : null;
    }

    @Test
    void fiftyStreamsShareTheInstancesOneListeningConnection() throws InterruptedException {
        String countListeners = "select count(*) from pg_stat_activity where application_name = ?";
        String countBackends = "select count(*) from pg_stat_activity where datname = current_database()";
        listeningBackend();
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
