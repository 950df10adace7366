package org.textdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.IntegrationTest;
import org.textdesk.SecondInstance;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Two instances on one database share Twilio's status callbacks between them, as a load balancer
 * would: 2,000 signed callbacks (500 texts x queued, sending, sent, delivered), shuffled, posted by 16
 * threads to either instance at random. The history holds each (text, status) exactly once and every
 * text ends delivered, whichever instance saw which report first.
 */
class TwoInstancesStatusCallbacksTest extends IntegrationTest {

    private static final int TEXTS = 500;
    private static final List<String> STATUSES = List.of("queued", "sending", "sent", "delivered");

    @Autowired
    DataSource dataSource;

    @Test
    void callbacksSplitBetweenTwoInstancesEndInTheExactState() throws Exception {
        configureTwilio();
        String one = baseUrl();
        String two = SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl()).baseUrl();
        jdbc.update("""
                insert into text_messages (direction, to_number, from_number, body, twilio_sid, status, status_rank,
                    created_at, status_changed_at)
                select 'OUTBOUND', '+14045387319', ?, 'Two instances ' || n, 'SM2i' || lpad(n::text, 30, '0'),
                    'pending', -2, now(), now()
                from generate_series(1, ?) as n""", TwilioSetupFixture.TWILIO_NUMBER, TEXTS);

        List<Map<String, String>> callbacks = new ArrayList<>();
        for (int n = 1; n <= TEXTS; n++) {
            String sid = "SM2i" + String.format("%030d", n);
            STATUSES.forEach(status -> callbacks.add(TwilioWebhookRequests.statusCallback(sid, status)));
        }
        Random random = new Random(2024);
        Collections.shuffle(callbacks, random);

        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        for (Map<String, String> callback : callbacks) {
            String instance = random.nextBoolean() ? one : two;
            answers.add(senders.submit(() -> {
                HttpResponse<String> answer = TwilioWebhookRequests.postHttp(instance, "/twilio/status", callback);
                return answer.statusCode();
            }));
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(200);
        }

        assertThat(jdbc.queryForObject("select count(*) from message_status_events", Integer.class))
                .isEqualTo(TEXTS * STATUSES.size());
        assertThat(jdbc.queryForObject("""
                select count(*) from (select text_message_id from message_status_events
                group by text_message_id having count(distinct status) = 4) full_history""", Integer.class))
                .isEqualTo(TEXTS);
        assertThat(jdbc.queryForList("select distinct status from text_messages", String.class))
                .containsExactly("delivered");
    }
}
