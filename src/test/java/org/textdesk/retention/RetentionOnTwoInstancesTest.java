package org.textdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import org.textdesk.texts.TextingData;

/**
 * The daily job on the clustered scheduler with two TextDesk instances on one database (each with its own
 * db-scheduler polling the same scheduled_tasks table): when its time comes, one instance runs it, and every old
 * body is removed once and every final text deleted at Twilio once.
 */
class RetentionOnTwoInstancesTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    SchedulerClient schedulerClient;

    @Autowired
    RecurringTask<Void> retentionDailyTask;

    @Autowired
    RetentionSettings settings;

    @Autowired
    ClientService clientService;

    @BeforeEach
    void twoInstances() {
        configureTwilio();
        fakeTwilio.acceptMessageDeletes();
        SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl());
    }

    @Test
    void theDailyJobRunsOnOneInstanceAndRemovesEachBodyAndDeletesEachTextOnce() {
        Staff casey = newCaseworker();
        Client jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        TextingData data = new TextingData(jdbc);
        Instant eightMonthsAgo = Instant.now().minus(240, ChronoUnit.DAYS);
        for (int n = 1; n <= 30; n++) {
            long id = data.outboundText().toClient(jordan.getId(), "+14045387319").sentBy(casey.getId())
                    .body("Old text " + n).status("delivered").sentAt(eightMonthsAgo.plusSeconds(n)).insert();
            jdbc.update("update text_messages set twilio_sid = ? where id = ?", String.format("SM%032x", n), id);
        }
        long recent = data.outboundText().toClient(jordan.getId(), "+14045387319").sentBy(casey.getId())
                .body("Recent text").status("sent").sentAt(Instant.now().minusSeconds(60)).insert();
        settings.change(new RetentionPolicy(new KeepMonths(6), true), newAdmin().getId());

        // the recurring task's one instance (made by whichever instance started last), due in a few seconds: after
        // the second instance's Twilio Setup cache has expired
        var daily = retentionDailyTask.instance(RecurringTask.INSTANCE);
        Instant due = Instant.now().plusSeconds(6);
        if (!schedulerClient.scheduleIfNotExists(daily, due)) {
            assertThat(schedulerClient.reschedule(daily, due)).isTrue();
        }
        waitUntilTheJobRan(Duration.ofSeconds(90));

        assertThat(jdbc.queryForObject(
                "select count(*) from text_messages where body = '(removed after 6 months)'", Long.class)).isEqualTo(30L);
        assertThat(jdbc.queryForObject("select body from text_messages where id = ?", String.class, recent))
                .isEqualTo("Recent text");
        List<String> deletes = fakeTwilio.requests("DELETE", FakeTwilio.MESSAGE_PATH).stream()
                .map(FakeTwilio.RecordedRequest::path).toList();
        assertThat(deletes).hasSize(30).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from text_messages where deleted_at_twilio_at is not null",
                Long.class)).isEqualTo(30L);
        // and it waits for its next day
        assertThat(jdbc.queryForObject("select execution_time > now() + interval '1 hour' from scheduled_tasks "
                + "where task_name = ?", Boolean.class, RetentionJob.TASK)).isTrue();
    }

    private void waitUntilTheJobRan(Duration longest) {
        long deadline = System.nanoTime() + longest.toNanos();
        while (System.nanoTime() < deadline) {
            Boolean ran = jdbc.queryForObject("select count(*) > 0 from scheduled_tasks where task_name = ? "
                    + "and last_success is not null and not picked", Boolean.class, RetentionJob.TASK);
            if (Boolean.TRUE.equals(ran)) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the retention job did not run within " + longest);
    }
}
