package org.textdesk.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.texts.TextMessageRows;

/**
 * POST /twilio/status keeps the MessagingServiceSid a callback carries on its text (when the text has none yet),
 * whether the report moves the status, repeats or ranks lower, arrives before the text has its SID, or unticks
 * Okay to Text (21610, the path in a transaction of its own).
 */
class MessagingServiceCallbackTest extends IntegrationTest {

    static final String PATH = "/twilio/status";
    static final String SERVICE = "MG0123456789abcdef0123456789abcdef";
    static final String OTHER_SERVICE = "MGfedcba9876543210fedcba9876543210";

    @Autowired
    ClientService clientService;

    @Autowired
    StatusReports statusReports;

    Client jordan;

    @BeforeEach
    void aClientTexted() {
        configureTwilio();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(newCaseworker()));
    }

    @Test
    void aCallbackWithTheServiceKeepsItOnTheText() {
        long text = text("SM00000000000000000000000000000101", "queued");
        post("SM00000000000000000000000000000101", "sent", null, SERVICE);
        assertThat(row(text)).containsEntry("status", "sent").containsEntry("messaging_service_sid", SERVICE);
    }

    @Test
    void aCallbackThatDoesNotMoveTheStatusStillKeepsTheService() {
        long text = text("SM00000000000000000000000000000102", "delivered");
        post("SM00000000000000000000000000000102", "sent", null, SERVICE);
        assertThat(row(text)).containsEntry("status", "delivered").containsEntry("messaging_service_sid", SERVICE);
    }

    @Test
    void aKnownServiceIsNeverReplacedAndACallbackWithoutOneLeavesIt() {
        long text = text("SM00000000000000000000000000000103", "queued");
        post("SM00000000000000000000000000000103", "sending", null, SERVICE);
        post("SM00000000000000000000000000000103", "sent", null, OTHER_SERVICE);
        post("SM00000000000000000000000000000103", "delivered", null, null);
        assertThat(row(text)).containsEntry("status", "delivered").containsEntry("messaging_service_sid", SERVICE);
    }

    @Test
    void aCallbackWithoutAServiceLeavesNone() {
        long text = text("SM00000000000000000000000000000104", "queued");
        post("SM00000000000000000000000000000104", "sent", null, null);
        assertThat(row(text)).containsEntry("status", "sent").containsEntry("messaging_service_sid", null);
    }

    @Test
    void aReportKeptBeforeTheSidWasKnownBringsItsServiceWhenApplied() {
        post("SM00000000000000000000000000000105", "sent", null, SERVICE);
        assertThat(jdbc.queryForObject("select messaging_service_sid from early_status_reports", String.class))
                .isEqualTo(SERVICE);
        long text = text("SM00000000000000000000000000000105", "queued");
        statusReports.applyEarlyReports("SM00000000000000000000000000000105");
        assertThat(row(text)).containsEntry("status", "sent").containsEntry("messaging_service_sid", SERVICE);
    }

    @Test
    void aStopErrorCallbackKeepsTheServiceToo() {
        long text = text("SM00000000000000000000000000000106", "queued");
        post("SM00000000000000000000000000000106", "failed", "21610", SERVICE);
        assertThat(row(text)).containsEntry("status", "failed").containsEntry("messaging_service_sid", SERVICE);
        assertThat(clientService.findClient(jordan.getId()).isOkayToText()).isFalse();
    }

    @Test
    void aMalformedServiceSidIsABadRequestAndChangesNothing() {
        long text = text("SM00000000000000000000000000000107", "queued");
        Map<String, String> params = TwilioWebhookRequests.statusCallback("SM00000000000000000000000000000107", "sent",
                null, null, "MG-not-a-service");
        assertThat(TwilioWebhookRequests.post(mvc, PATH, params)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(row(text)).containsEntry("status", "queued").containsEntry("messaging_service_sid", null);
    }

    private void post(String sid, String status, String errorCode, String service) {
        assertThat(TwilioWebhookRequests.post(mvc, PATH,
                TwilioWebhookRequests.statusCallback(sid, status, errorCode, null, service))).hasStatusOk();
    }

    private long text(String sid, String status) {
        return TextMessageRows.outbound(jdbc, jordan.getId(), jordan.getCellE164(), sid, status, "Hello",
                Instant.now());
    }

    private Map<String, Object> row(long text) {
        return jdbc.queryForMap("select status, messaging_service_sid from text_messages where id = ?", text);
    }
}
