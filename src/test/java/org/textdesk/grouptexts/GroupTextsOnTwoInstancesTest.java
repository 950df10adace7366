package org.textdesk.grouptexts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.textdesk.grouptexts.GroupTextRequests.get;
import static org.textdesk.grouptexts.GroupTextRequests.groupId;

import java.sql.Time;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.SecondInstance;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * A group text sent by the clustered scheduler itself, on two instances of TextDesk on one database: both take
 * the group's texts from reminders' queue, and every recipient gets exactly one text, at the shared pace.
 */
class GroupTextsOnTwoInstancesTest extends IntegrationTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final int CLIENTS = 6;

    @Autowired
    DataSource dataSource;

    @Autowired
    ClientService clientService;

    Staff casey;

    @BeforeEach
    void twoInstancesAndSixClientsAwake() {
        SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl());
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        for (int i = 0; i < CLIENTS; i++) {
            ClientFixture.client("Client" + i, "Atlanta").cell("404", "555-010" + i).safe(true).okayToText(true)
                    .create(clientService, as(casey));
        }
        // Both instances read the real time: open the window around it in Atlanta, so quiet hours do not hold
        // these texts whenever the test runs.
        LocalTime local = ZonedDateTime.now(NEW_YORK).toLocalTime();
        LocalTime start = local.isBefore(LocalTime.of(2, 0)) ? LocalTime.MIDNIGHT : local.minusHours(2);
        LocalTime end = local.isAfter(LocalTime.of(21, 59)) ? LocalTime.of(23, 59, 59) : local.plusHours(2);
        jdbc.update("insert into quiet_hours_window (id, window_start, window_end, changed_at) values (1, ?, ?, now())",
                Time.valueOf(start), Time.valueOf(end));
    }

    @Test
    void everyRecipientGetsExactlyOneTextWhicheverInstanceSendsIt() {
        long started = System.nanoTime();
        long groupId = groupId(GroupTextRequests.send(mvc, casey, "my-clients", "Hi {first_name}, we moved."));

        // sent is at Twilio: a claimed text (state SENT) waits for its slot of the pace before it is posted
        await("every text of the group sent").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> jdbc.queryForObject("select count(*) from scheduled_texts where state = 'SENT'",
                        Integer.class) == CLIENTS
                        && fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH).size() >= CLIENTS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            expected.add("+1404555010" + i + " Hi Client" + i + ", we moved.");
        }
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).extracting(
                post -> post.param("To") + " " + post.param("Body")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isEqualTo(CLIENTS);
        assertThat(took).as("six sends at one a second take five seconds at least")
                .isGreaterThanOrEqualTo(Duration.ofMillis(4900));
        assertThat(mvc.perform(get("/group-texts/" + groupId, casey))).hasStatusOk().bodyText()
                .contains("6 of 6 done: 6 sent, 0 not sent, 0 cancelled.");
        await("every task finished").atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from scheduled_tasks where task_name = 'scheduled-text'", Integer.class) == 0);
    }
}
