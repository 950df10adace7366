package org.textdesk.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.FakeTwilio.Answer;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.texts.TextMessageRows;
import org.textdesk.texts.TextingData;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Issue 15: no status callback is thrown away. Twilio posts "failed" before its answer to the create call reaches
 * TextDesk; the report is kept and applied the moment the SID is recorded, by the send, by reconciliation or by
 * Refresh status, by the same rules as any report (on PostgreSQL through the group-commit writer first).
 */
class EarlyStatusReportsTest extends IntegrationTest {

    @Autowired
    ClientService clientService;

    @Autowired
    StatusReconciliation reconciliation;

    Staff casey;
    Client jordan;
    List<Integer> callbackAnswers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aClientWhoMayBeTexted() {
        casey = newCaseworker();
        configureTwilio();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
    }

    @Test
    void aCallbackBeforeTheAnswerToTheSendIsKeptAndAppliedWhenTheSendRecordsTheSid() {
        fakeTwilio.acceptMessagesCallingBackFirst("queued", "failed", "30008", callbackAnswers, null);
        long messageId = TextingData.send(mvc, casey, jordan, null, "See you at 3.");

        assertThat(callbackAnswers).containsExactly(200);
        assertThat(jdbc.queryForMap("select status, error_code from text_messages where id = ?", messageId))
                .containsEntry("status", "failed").containsEntry("error_code", "30008");
        List<Map<String, Object>> history = jdbc.queryForList("""
                select status, error_code, received_at from message_status_events where text_message_id = ?
                order by received_at""", messageId);
        assertThat(history).extracting(row -> row.get("status")).containsExactly("failed", "queued");
        assertThat(history.get(0)).containsEntry("error_code", "30008");
        assertThat(count("early_status_reports")).isZero();
    }

    @Test
    void anEarlyStopReportUnticksOkayToTextAsAnyReportDoes() {
        fakeTwilio.acceptMessagesCallingBackFirst("queued", "failed", "21610", callbackAnswers, null);
        long messageId = TextingData.send(mvc, casey, jordan, null, "See you at 3.");

        assertThat(callbackAnswers).containsExactly(200);
        assertThat(jdbc.queryForObject("select status from text_messages where id = ?", String.class, messageId))
                .isEqualTo("failed");
        assertThat(jdbc.queryForObject("select okay_to_text from clients where id = ?", Boolean.class, jordan.getId()))
                .isFalse();
        assertThat(jdbc.queryForObject("select detail from consent_events order by id desc limit 1", String.class))
                .isEqualTo("21610");
    }

    @Test
    void aCallbackBeforeALostAnswerIsAppliedWhenRefreshStatusFindsTheText() {
        FakeTwilio.MessageStore twilioMessages = fakeTwilio.serveMessages();
        List<String> sids = new CopyOnWriteArrayList<>();
        fakeTwilio.on("POST", FakeTwilio.MESSAGES_PATH, call -> {
            String sid = FakeTwilio.newMessageSid();
            sids.add(sid);
            twilioMessages.put(sid, TwilioSetupFixture.ACCOUNT_SID, call.request().param("To"),
                    call.request().param("From"), call.request().param("Body"), "delivered", null, Instant.now(),
                    Instant.now());
            String callback = call.request().param("StatusCallback");
            callbackAnswers.add(TwilioWebhookRequests.postHttp(callback, "",
                    TwilioWebhookRequests.statusCallback(sid, "sent"), callback, Map.of()).statusCode());
            return Answer.dropConnection();
        });
        long messageId = TextingData.send(mvc, casey, jordan, null, "See you at 3.");
        assertThat(jdbc.queryForObject("select status from text_messages where id = ?", String.class, messageId))
                .isEqualTo("unknown");
        assertThat(callbackAnswers).containsExactly(200);
        assertThat(count("early_status_reports")).isEqualTo(1);

        assertThat(reconciliation.refreshStatus(messageId).outcome()).isEqualTo(StatusReconciliation.Refresh.CHANGED);

        assertThat(jdbc.queryForObject("select twilio_sid from text_messages where id = ?", String.class, messageId))
                .isEqualTo(sids.get(0));
        assertThat(jdbc.queryForList("select status from message_status_events where text_message_id = ? order by id",
                String.class, messageId)).containsExactly("unknown", "delivered", "sent");
        assertThat(jdbc.queryForObject("select status from text_messages where id = ?", String.class, messageId))
                .isEqualTo("delivered");
        assertThat(count("early_status_reports")).isZero();
    }

    @Test
    void reconciliationAppliesReportsWhoseSidWasRecordedMeanwhileAndForgetsOnesNoTextClaimedForDays() {
        Instant now = Instant.now();
        String knownSid = "SM00000000000000000000000000000001";
        long known = TextMessageRows.outbound(jdbc, jordan.getId(), null, knownSid, "queued", "Hello", now);
        earlyReport(knownSid, "delivered", now.minus(Duration.ofMinutes(1)));
        earlyReport("SM00000000000000000000000000000002", "failed", now.minus(Duration.ofDays(5)));
        earlyReport("SM00000000000000000000000000000003", "sent", now.minus(Duration.ofDays(2)));

        reconciliation.reconcile();

        assertThat(jdbc.queryForObject("select status from text_messages where id = ?", String.class, known))
                .isEqualTo("delivered");
        assertThat(jdbc.queryForList("select twilio_sid from early_status_reports", String.class))
                .containsExactly("SM00000000000000000000000000000003");
    }

    @Test
    void aRepeatedEarlyReportIsKeptOnceAndAppliedOnce() {
        String sid = "SM00000000000000000000000000000004";
        for (int i = 0; i < 2; i++) {
            assertThat(TwilioWebhookRequests.post(mvc, "/twilio/status",
                    TwilioWebhookRequests.statusCallback(sid, "delivered"))).hasStatusOk();
        }
        assertThat(count("early_status_reports")).isEqualTo(1);
        long messageId = TextMessageRows.outbound(jdbc, jordan.getId(), null, sid, "queued", "Hello", Instant.now());
        reconciliation.reconcile();
        assertThat(jdbc.queryForList("select status from message_status_events where text_message_id = ? order by id",
                String.class, messageId)).containsExactly("queued", "delivered");
    }

    private void earlyReport(String sid, String status, Instant receivedAt) {
        jdbc.update("insert into early_status_reports (twilio_sid, status, received_at) values (?, ?, ?)", sid, status,
                OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC));
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
