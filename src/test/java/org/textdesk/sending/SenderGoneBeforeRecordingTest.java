package org.textdesk.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.textdesk.FakeTwilio;
import org.textdesk.FakeTwilio.Answer;
import org.textdesk.HttpVisitor;
import org.textdesk.IntegrationTest;
import org.textdesk.SecondInstance;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Issue 18 point 5 and issue 15 point 3: the instance that sends a text is gone (as after kill -9: nothing more of it
 * reaches the database) the moment Twilio accepts the text, so Twilio's answer lives only in its memory. The text's
 * row, written as "pending" before Twilio was called, is all that is left: the other instance's status
 * reconciliation, running by itself on the clustered scheduler (every second here), finds the text in Twilio's list
 * of messages and records its SID and status once; nothing is sent again. When the sender's connection comes back,
 * its in-memory retry of the answer adds nothing.
 */
@TestPropertySource(properties = {"textdesk.test.reconciliation-enabled=true", "textdesk.reconciliation.interval=1s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SenderGoneBeforeRecordingTest extends IntegrationTest {

    static final String SID = "SM" + "c0ffee".repeat(5) + "01";
    static final String BODY = "Your appointment is moved to Friday at 10.";

    @Autowired
    DataSource dataSource;

    @Autowired
    ClientService clientService;

    SecondInstance sender;

    /** Both instances' log (one JVM): what the sender's recorder did is seen there. */
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger recorderLog = (Logger) LoggerFactory.getLogger(SendAttemptRecorder.class);

    @AfterEach
    void senderReachesTheDatabaseAgain() {
        recorderLog.detachAppender(log);
        if (sender != null) {
            sender.database().restore();
        }
    }

    @Test
    void theOtherInstanceFindsTheTextAtTwilioAndRecordsItOnceWithoutSendingAgain() {
        sender = SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl());
        Staff casey = newCaseworker();
        configureTwilio();
        Client jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        FakeTwilio.MessageStore twilio = fakeTwilio.serveMessages();
        fakeTwilio.on("POST", FakeTwilio.MESSAGES_PATH, call -> {
            Instant now = Instant.now();
            // Twilio has the text (and soon delivers it); the sender is gone before its answer is written.
            twilio.put(SID, TwilioSetupFixture.ACCOUNT_SID, call.request().param("To"), call.request().param("From"),
                    call.request().param("Body"), "delivered", null, now, now);
            sender.database().cut();
            return Answer.json(201, FakeTwilio.messageJson(SID, TwilioSetupFixture.ACCOUNT_SID,
                    call.request().param("To"), call.request().param("From"), call.request().param("Body"), "queued"));
        });

        log.start();
        recorderLog.addAppender(log);
        HttpVisitor caseyOnTheSender = new HttpVisitor(sender.baseUrl());
        caseyOnTheSender.logIn(casey.getUsername(), STAFF_PASSWORD);
        String form = caseyOnTheSender.get("/clients/" + jordan.getId() + "/texts/new").body();
        caseyOnTheSender.post("/clients/" + jordan.getId() + "/texts", form,
                Map.of("body", BODY, "sendKey", UUID.randomUUID().toString()));

        assertThat(jdbc.queryForMap("select status, twilio_sid from text_messages"))
                .containsEntry("status", "pending").containsEntry("twilio_sid", null);
        assertThat(messages()).as("the answer, in the sender's memory only").singleElement().asString()
                .startsWith("Twilio's answer to text 1 (ACCEPTED) could not be recorded; "
                        + "trying again in the background");
        // Two minutes pass: no send can still be under way, so reconciliation looks the text up.
        jdbc.update("update text_messages set created_at = created_at - interval '3 minutes'");

        await("the other instance's reconciliation records the text").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(jdbc.queryForMap("select status, twilio_sid from text_messages"))
                        .containsEntry("status", "delivered").containsEntry("twilio_sid", SID));
        assertThat(jdbc.queryForList("select status from message_status_events", String.class))
                .containsExactly("delivered");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).as("sends").hasSize(1);
        assertThat(fakeTwilio.requests("GET", FakeTwilio.MESSAGES_PATH)).as("lookups in Twilio's list").isNotEmpty();

        sender.database().restore();
        await("the sender's in-memory retry has run").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> messages()
                        .contains("Twilio's answer to text 1 was recorded by status reconciliation meanwhile"));
        assertThat(jdbc.queryForMap("select status, twilio_sid from text_messages"))
                .containsEntry("status", "delivered").containsEntry("twilio_sid", SID);
        assertThat(jdbc.queryForList("select status from message_status_events", String.class))
                .containsExactly("delivered");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).as("sends").hasSize(1);
    }

    private List<String> messages() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
