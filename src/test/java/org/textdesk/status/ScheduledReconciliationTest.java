package org.textdesk.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.texts.TextMessageRows;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * With the job turned on (every second here), reconciliation runs by itself. {@link IntegrationTest}
 * turns the job off unless {@code textdesk.test.reconciliation-enabled} is true; this is a context of its
 * own, closed after the class so the job never runs under other tests.
 */
@TestPropertySource(properties = {"textdesk.test.reconciliation-enabled=true", "textdesk.reconciliation.interval=1s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ScheduledReconciliationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theScheduledJobSettlesATextByItself() {
        assertThat(context.getBeanNamesForType(StatusReconciliationJob.class)).hasSize(1);
        configureTwilio();
        FakeTwilio.MessageStore twilio = fakeTwilio.serveMessages();
        String sid = "SM" + "b".repeat(32);
        Instant sentAt = Instant.now().minus(Duration.ofMinutes(45));
        twilio.put(sid, TwilioSetupFixture.ACCOUNT_SID, "+14045387319", TwilioSetupFixture.TWILIO_NUMBER, "Hello",
                "delivered", null, sentAt, sentAt);
        long text = TextMessageRows.outbound(jdbc, null, "+14045387319", sid, "sent", "Hello", sentAt);

        await("the scheduled job settles the text").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(status(text)).isEqualTo("delivered"));
        assertThat(jdbc.queryForList("select status from message_status_events where text_message_id = ? order by id",
                String.class, text)).containsExactly("sent", "delivered");
    }

    private String status(long text) {
        return jdbc.queryForObject("select status from text_messages where id = ?", String.class, text);
    }
}
