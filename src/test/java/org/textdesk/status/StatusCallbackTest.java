package org.textdesk.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.texts.TextMessageRows;

/**
 * POST /twilio/status: every (message, status) once, the current status only up the ranks, whatever the
 * order, repeats or concurrency of Twilio's callbacks.
 */
@ExtendWith(OutputCaptureExtension.class)
class StatusCallbackTest extends IntegrationTest {

    static final String PATH = "/twilio/status";

    @Autowired
    ClientService clientService;

    Client jordan;
    ExecutorService pool;

    @BeforeEach
    void aClientTexted() {
        configureTwilio();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(newCaseworker()));
    }

    @AfterEach
    void stopThreads() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void callbacksInOrderMoveTheStatusUp() {
        long text = text("SM00000000000000000000000000000001");
        callback("SM00000000000000000000000000000001", "sending");
        callback("SM00000000000000000000000000000001", "sent");
        callback("SM00000000000000000000000000000001", "delivered");
        assertThat(current(text)).isEqualTo("delivered");
        assertThat(history(text)).containsExactly("queued", "sending", "sent", "delivered");
    }

    @Test
    void theAnswerOverHttpCarriesTheSecurityHeadersAndNoSession() {
        long text = text("SM00000000000000000000000000000009");
        HttpResponse<String> answer = TwilioWebhookRequests.postHttp(baseUrl(), PATH,
                TwilioWebhookRequests.statusCallback("SM00000000000000000000000000000009", "sent"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(current(text)).isEqualTo("sent");
    }

    @Test
    void aLateSentAfterDeliveredIsKeptInTheHistoryButTheStatusStaysDelivered() {
        long text = text("SM00000000000000000000000000000002");
        callback("SM00000000000000000000000000000002", "delivered");
        callback("SM00000000000000000000000000000002", "sent");
        callback("SM00000000000000000000000000000002", "queued");
        callback("SM00000000000000000000000000000002", "undelivered");
        assertThat(current(text)).isEqualTo("delivered");
        assertThat(history(text)).containsExactly("queued", "delivered", "sent", "undelivered");
        callback("SM00000000000000000000000000000002", "read");
        assertThat(current(text)).isEqualTo("read");
    }

    @Test
    void aRepeatedCallbackIsAnswered200AndChangesNothing() {
        long text = text("SM00000000000000000000000000000003");
        callback("SM00000000000000000000000000000003", "sent");
        Map<String, Object> before = jdbc.queryForMap("select * from message_status_events where status = 'sent'");
        Map<String, Object> messageBefore = jdbc.queryForMap("select * from text_messages where id = ?", text);
        MvcTestResult again = TwilioWebhookRequests.post(mvc, PATH,
                TwilioWebhookRequests.statusCallback("SM00000000000000000000000000000003", "sent"));
        assertThat(again).hasStatusOk().body().isEmpty();
        assertThat(history(text)).containsExactly("queued", "sent");
        assertThat(jdbc.queryForMap("select * from message_status_events where status = 'sent'")).isEqualTo(before);
        assertThat(jdbc.queryForMap("select * from text_messages where id = ?", text)).isEqualTo(messageBefore);
    }

    @Test
    void anUnknownStatusIsStoredAsSuchAndNeverPullsTheStatus() {
        long text = text("SM00000000000000000000000000000004");
        callback("SM00000000000000000000000000000004", "sent");
        callback("SM00000000000000000000000000000004", "Partially_Delivered");
        assertThat(current(text)).isEqualTo("sent");
        assertThat(history(text)).containsExactly("queued", "sent", "partially_delivered");
    }

    @Test
    void theErrorCodeAndTheDeliveryReportTimeAreRecorded() {
        long text = text("SM00000000000000000000000000000005");
        Map<String, String> params = TwilioWebhookRequests.statusCallback("SM00000000000000000000000000000005",
                "undelivered", "30003", "2608171430", "MG0123456789abcdef0123456789abcdef");
        assertThat(params).containsOnlyKeys("AccountSid", "ApiVersion", "From", "MessageSid", "MessageStatus", "SmsSid",
                "SmsStatus", "To", "ErrorCode", "RawDlrDoneDate", "MessagingServiceSid");
        assertThat(TwilioWebhookRequests.post(mvc, PATH, params)).hasStatusOk();
        Map<String, Object> event = jdbc.queryForMap(
                "select error_code, reported_at, received_at from message_status_events where status = 'undelivered'");
        assertThat(event.get("error_code")).isEqualTo("30003");
        assertThat(reportedAt(text, "undelivered")).isEqualTo(Instant.parse("2026-08-17T14:30:00Z"));
        assertThat(event.get("received_at")).isNotNull();
        assertThat(jdbc.queryForMap("select status, error_code from text_messages where id = ?", text))
                .containsEntry("status", "undelivered").containsEntry("error_code", "30003");
    }

    @Test
    void anUnreadableDeliveryReportTimeIsIgnored() {
        long text = text("SM00000000000000000000000000000006");
        for (String[] report : new String[][] {{"sent", "2613991430"}, {"delivered", "yesterday"},
                {"read", "26081714300000"}}) {
            Map<String, String> params = new java.util.LinkedHashMap<>(
                    TwilioWebhookRequests.statusCallback("SM00000000000000000000000000000006", report[0]));
            params.put("RawDlrDoneDate", report[1]);
            assertThat(TwilioWebhookRequests.post(mvc, PATH, params)).hasStatusOk();
            assertThat(reportedAt(text, report[0])).isNull();
        }
        assertThat(current(text)).isEqualTo("read");
    }

    @Test
    void aCallbackForATextTextDeskDoesNotKnowIsAnswered200KeptAndLogged(CapturedOutput output) {
        long text = text("SM00000000000000000000000000000007");
        MvcTestResult result = TwilioWebhookRequests.post(mvc, PATH,
                TwilioWebhookRequests.statusCallback("SMffffffffffffffffffffffffffffffff", "delivered"));
        assertThat(result).hasStatusOk().body().isEmpty();
        assertThat(history(text)).containsExactly("queued");
        assertThat(jdbc.queryForObject("select count(*) from message_status_events", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("select twilio_sid || ' ' || status from early_status_reports", String.class))
                .containsExactly("SMffffffffffffffffffffffffffffffff delivered");
        assertThat(output.getOut().lines().filter(line -> line.contains(" INFO ")
                && line.contains("kept until one has it: SMffffffffffffffffffffffffffffffff"))).hasSize(1);
    }

    @Test
    void error21610InACallbackUnticksOkayToTextOnce() {
        long text = text("SM00000000000000000000000000000008");
        Map<String, String> params = new java.util.LinkedHashMap<>(
                TwilioWebhookRequests.statusCallback("SM00000000000000000000000000000008", "failed"));
        params.put("ErrorCode", "21610");
        assertThat(TwilioWebhookRequests.post(mvc, PATH, params)).hasStatusOk();
        assertThat(TwilioWebhookRequests.post(mvc, PATH, params)).hasStatusOk();
        assertThat(clientService.findClient(jordan.getId()).isOkayToText()).isFalse();
        assertThat(jdbc.queryForList("""
                select source || ' ' || coalesce(detail, '-') || ' ' || okay_to_text from consent_events
                where client_id = ? order by id""", String.class, jordan.getId()))
                .containsExactly("STAFF - true", "TWILIO_ERROR 21610 false");
        assertThat(current(text)).isEqualTo("failed");
        assertThat(jdbc.queryForObject("select error_code from text_messages where id = ?", String.class, text))
                .isEqualTo("21610");
    }

    @Test
    void otherErrorCodesLeaveOkayToTextAlone() {
        text("SM00000000000000000000000000000009");
        Map<String, String> params = new java.util.LinkedHashMap<>(
                TwilioWebhookRequests.statusCallback("SM00000000000000000000000000000009", "undelivered"));
        params.put("ErrorCode", "30005");
        assertThat(TwilioWebhookRequests.post(mvc, PATH, params)).hasStatusOk();
        assertThat(clientService.findClient(jordan.getId()).isOkayToText()).isTrue();
    }

    /**
     * 8 threads post callbacks for the same text at once over real HTTP, round after round, in three steps.
     * Rounds with "read": every status (all four final ones and "read" among them) races in the first two
     * steps, repeats in the third; the current status must end as "read" (rank 4). Rounds without: the
     * statuses below final race in the first two steps, and every thread posts one and the same final status
     * in the third; the current status must end as exactly that one (rank 3). Never a lost history row, never
     * an error. Each round's generator is seeded, and the seed is in every failure message.
     */
    @Test
    void parallelCallbacksNeverLoseARowNorMoveTheStatusBack() throws Exception {
        pool = Executors.newFixedThreadPool(THREADS);
        List<String> all = List.of("accepted", "scheduled", "queued", "sending", "sent", "delivered", "undelivered",
                "failed", "canceled", "read", "mystery_status");
        List<String> belowFinal = List.of("accepted", "scheduled", "queued", "sending", "sent", "mystery_status");
        List<String> finals = List.of("delivered", "undelivered", "failed", "canceled");
        for (int round = 0; round < 60; round++) {
            long seed = 2300 + round;
            java.util.Random random = new java.util.Random(seed);
            String sid = "SM%032x".formatted(0x1000 + round);
            long text = text(sid);
            String what = "round %d (seed %d)".formatted(round, seed);
            if (round % 2 == 0) {
                fireInSteps(sid, racingSteps(all, random));
                assertThat(history(text)).as(what).containsExactlyInAnyOrderElementsOf(all);
                assertThat(current(text)).as(what).isEqualTo("read");
                assertThat(currentRank(text)).as(what).isEqualTo(4);
            } else {
                String last = finals.get(random.nextInt(finals.size()));
                fireInSteps(sid, belowFinalThenOneFinal(belowFinal, last, random));
                List<String> expected = new ArrayList<>(belowFinal);
                expected.add(last);
                assertThat(history(text)).as(what).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(current(text)).as(what).isEqualTo(last);
                assertThat(currentRank(text)).as(what).isEqualTo(3);
            }
        }
    }

    static final int THREADS = 8;

    /** Three steps of one status per thread; together they post every status at least once. */
    private static List<List<String>> racingSteps(List<String> statuses, java.util.Random random) {
        List<String> shuffled = new ArrayList<>(statuses);
        Collections.shuffle(shuffled, random);
        List<String> first = shuffled.subList(0, THREADS);
        List<String> second = new ArrayList<>(shuffled.subList(THREADS, shuffled.size()));
        while (second.size() < THREADS) {
            second.add(statuses.get(random.nextInt(statuses.size())));
        }
        Collections.shuffle(second, random);
        List<String> third = Collections.nCopies(THREADS, statuses.get(random.nextInt(statuses.size())));
        return List.of(first, second, third);
    }

    /** Two steps of the statuses below final (each at least once, some twice), then every thread posts {@code last}. */
    private static List<List<String>> belowFinalThenOneFinal(List<String> belowFinal, String last,
            java.util.Random random) {
        List<String> first = new ArrayList<>(belowFinal);
        List<String> second = new ArrayList<>();
        while (first.size() < THREADS) {
            first.add(belowFinal.get(random.nextInt(belowFinal.size())));
        }
        while (second.size() < THREADS) {
            second.add(belowFinal.get(random.nextInt(belowFinal.size())));
        }
        Collections.shuffle(first, random);
        return List.of(first, second, Collections.nCopies(THREADS, last));
    }

    private int currentRank(long text) {
        return jdbc.queryForObject("select status_rank from text_messages where id = ?", Integer.class, text);
    }

    private void fireInSteps(String sid, List<List<String>> steps) throws Exception {
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(THREADS);
        List<Future<List<Integer>>> threads = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int me = thread;
            threads.add(pool.submit(() -> {
                List<Integer> answers = new ArrayList<>();
                for (List<String> step : steps) {
                    together.await(30, TimeUnit.SECONDS);
                    answers.add(TwilioWebhookRequests.postHttp(baseUrl(), PATH,
                            TwilioWebhookRequests.statusCallback(sid, step.get(me))).statusCode());
                }
                return answers;
            }));
        }
        for (Future<List<Integer>> thread : threads) {
            assertThat(thread.get(60, TimeUnit.SECONDS)).containsOnly(200);
        }
    }

    private long text(String sid) {
        return TextMessageRows.outbound(jdbc, jordan.getId(), jordan.getCellE164(), sid, "queued", "Hello",
                Instant.now());
    }

    private void callback(String sid, String status) {
        assertThat(TwilioWebhookRequests.post(mvc, PATH, TwilioWebhookRequests.statusCallback(sid, status)))
                .hasStatusOk().body().isEmpty();
    }

    private String current(long text) {
        return jdbc.queryForObject("select status from text_messages where id = ?", String.class, text);
    }

    private List<String> history(long text) {
        return jdbc.queryForList("select status from message_status_events where text_message_id = ? order by id",
                String.class, text);
    }

    private Instant reportedAt(long text, String status) {
        OffsetDateTime time = jdbc.queryForObject(
                "select reported_at from message_status_events where text_message_id = ? and status = ?",
                OffsetDateTime.class, text, status);
        return time == null ? null : time.toInstant();
    }
}
