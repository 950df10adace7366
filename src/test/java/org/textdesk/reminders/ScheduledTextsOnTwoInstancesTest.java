package org.textdesk.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Time;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.SecondInstance;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * Scheduled texts run by the clustered scheduler itself, on two instances of TextDesk on one database: each due
 * text is sent exactly once, at the shared pace, and one picked by an instance that died (kill -9: its task stays
 * picked and its heartbeats stop) is taken up by another, sent once if it had not gone, never again if it had.
 */
class ScheduledTextsOnTwoInstancesTest extends IntegrationTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final int TEXTS = 6;

    @Autowired
    DataSource dataSource;

    @Autowired
    ClientService clientService;

    Staff casey;
    Client jordan;

    @BeforeEach
    void twoInstancesAndAClientAwake() {
        SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl());
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        // The second instance reads the real time: open the window around it in Atlanta, so quiet hours do not
        // hold these texts whenever the test runs (the quiet hours tests pin the clock instead).
        LocalTime local = ZonedDateTime.now(NEW_YORK).toLocalTime();
        LocalTime start = local.isBefore(LocalTime.of(2, 0)) ? LocalTime.MIDNIGHT : local.minusHours(2);
        LocalTime end = local.isAfter(LocalTime.of(21, 59)) ? LocalTime.of(23, 59, 59) : local.plusHours(2);
        jdbc.update("insert into quiet_hours_window (id, window_start, window_end, changed_at) values (1, ?, ?, now())",
                Time.valueOf(start), Time.valueOf(end));
    }

    @Test
    void everyDueTextIsSentExactlyOnceAtTheSharedPace() {
        List<String> bodies = new ArrayList<>();
        Instant real = Instant.now();
        long started = System.nanoTime();
        // scheduled as of an hour ago for a minute later: due at once (the second instance, on the real clock,
        // may start sending while the others are still being scheduled)
        clock.pin(real.minus(Duration.ofHours(1)));
        for (int i = 0; i < TEXTS; i++) {
            bodies.add("Reminder number " + i + ".");
            scheduleAt(bodies.get(i), real.minus(Duration.ofMinutes(59)));
        }
        clock.release();

        // sent is at Twilio: a claimed text (state SENT) waits for its slot of the pace before it is posted
        await("every text sent").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> jdbc.queryForObject("select count(*) from scheduled_texts where state = 'SENT'", Integer.class)
                        == TEXTS && fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH).size() >= TEXTS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<String> sent = fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH).stream()
                .map(post -> post.param("Body")).toList();
        assertThat(sent).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isEqualTo(TEXTS);
        assertThat(took).as("six sends at one a second take five seconds at least")
                .isGreaterThanOrEqualTo(Duration.ofMillis(4900));
        await("every task finished").atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from scheduled_tasks where task_name = 'scheduled-text'", Integer.class) == 0);
    }

    @Test
    void aTextPickedByAnInstanceKilledBeforeItWentIsSentOnceByAnother() throws InterruptedException {
        long id = scheduledBeforeAndPickedByADeadInstance("Picked by an instance that died.");

        await("sent by the instance still running").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> !fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH).isEmpty());
        Thread.sleep(2000);

        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).singleElement()
                .extracting(post -> post.param("Body")).isEqualTo("Picked by an instance that died.");
        assertThat(jdbc.queryForObject("select state from scheduled_texts where id = ?", String.class, id))
                .isEqualTo("SENT");
        await("its task finished").atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from scheduled_tasks where task_name = 'scheduled-text'", Integer.class) == 0);
    }

    @Test
    void aTextAnInstanceClaimedBeforeItWasKilledIsNeverSentAgain() throws InterruptedException {
        long id = scheduledBeforeAndPickedByADeadInstance("Claimed, then the instance died.");
        // what the dead instance had done: the message row written and the text claimed, Twilio's answer lost
        Long messageId = jdbc.queryForObject("""
                insert into text_messages (direction, client_id, to_number, from_number, body, status, status_rank,
                    sent_by, send_key, created_at, status_changed_at)
                values ('OUTBOUND', ?, '+14045387319', '+14045550100', 'Claimed, then the instance died.', 'pending', 0,
                    ?, 'dead-instance-1', now(), now())
                returning id""", Long.class, jordan.getId(), casey.getId());
        jdbc.update("update scheduled_texts set state = 'SENT', message_id = ?, attempts = 1 where id = ?", messageId, id);

        await("the dead instance's task taken up and finished").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() -> jdbc.queryForObject(
                        "select count(*) from scheduled_tasks where task_name = 'scheduled-text'", Integer.class) == 0);

        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isEqualTo(1);
    }

    /** A text due a minute ago whose task an instance picked, then died with (its last heartbeat long ago). */
    private long scheduledBeforeAndPickedByADeadInstance(String body) {
        Instant real = Instant.now();
        // scheduled (as of an hour ago) for a time that comes only after the picking below
        clock.pin(real.minus(Duration.ofHours(1)));
        long id = scheduleAt(body, real.plus(Duration.ofDays(1)));
        int taken = jdbc.update("""
                update scheduled_tasks set picked = true, picked_by = 'killed-instance',
                       last_heartbeat = current_timestamp - interval '10 minutes',
                       execution_time = current_timestamp - interval '1 minute'
                where task_name = 'scheduled-text' and task_instance = ? and picked = false""", id + "-v0");
        assertThat(taken).as("the text's task, before any instance ran it").isEqualTo(1);
        jdbc.update("update scheduled_texts set due_at = current_timestamp - interval '1 minute' where id = ?", id);
        clock.release();
        return id;
    }

    private long scheduleAt(String body, Instant due) {
        ZonedDateTime local = due.atZone(NEW_YORK);
        String sendKey = UUID.randomUUID().toString();
        assertThat(mvc.post().uri("/clients/{id}/texts", jordan.getId()).with(user(as(casey))).with(csrf())
                .param("body", body).param("sendKey", sendKey).param("when", "later")
                .param("sendDate", local.toLocalDate().toString())
                .param("sendTime", DateTimeFormatter.ofPattern("HH:mm:ss").format(local)))
                .hasRedirectedUrl("/scheduled");
        return jdbc.queryForObject("select id from scheduled_texts where send_key = ?", Long.class, sendKey);
    }
}
