package org.textdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;

/**
 * POST /twilio/sms keeps the MessagingServiceSid Twilio posts when the Twilio number is in a Messaging Service:
 * on an ordinary text (written with the texts that arrive with it) and on a keyword (its own transaction).
 */
class MessagingServiceIncomingTest extends IntegrationTest {

    static final String PATH = "/twilio/sms";
    static final String SERVICE = "MG0123456789abcdef0123456789abcdef";

    @Autowired
    ClientService clientService;

    @BeforeEach
    void aClient() {
        configureTwilio();
        ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(newCaseworker()));
    }

    @Test
    void anIncomingTextKeepsItsMessagingService() {
        Map<String, String> params = TwilioWebhookRequests.incomingText("SM00000000000000000000000000000201",
                "+14045387319", "Running late", null, SERVICE);
        assertThat(TwilioWebhookRequests.post(mvc, PATH, params)).hasStatusOk();
        assertThat(row("SM00000000000000000000000000000201")).containsEntry("body", "Running late")
                .containsEntry("messaging_service_sid", SERVICE);
    }

    @Test
    void aKeywordKeepsItsMessagingServiceToo() {
        Map<String, String> params = TwilioWebhookRequests.incomingText("SM00000000000000000000000000000202",
                "+14045387319", "STOP", "STOP", SERVICE);
        assertThat(TwilioWebhookRequests.post(mvc, PATH, params)).hasStatusOk();
        assertThat(row("SM00000000000000000000000000000202")).containsEntry("body", "STOP")
                .containsEntry("messaging_service_sid", SERVICE);
    }

    @Test
    void aTextOutsideAServiceHasNone() {
        Map<String, String> params = TwilioWebhookRequests.incomingText("SM00000000000000000000000000000203",
                "+14045387319", "No service here");
        assertThat(TwilioWebhookRequests.post(mvc, PATH, params)).hasStatusOk();
        assertThat(row("SM00000000000000000000000000000203")).containsEntry("messaging_service_sid", null);
    }

    @Test
    void aMalformedMessagingServiceSidIsABadRequestAndNothingIsStored() {
        Map<String, String> params = TwilioWebhookRequests.incomingText("SM00000000000000000000000000000204",
                "+14045387319", "Odd", null, "MGnothex");
        assertThat(TwilioWebhookRequests.post(mvc, PATH, params)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isZero();
    }

    private Map<String, Object> row(String sid) {
        return jdbc.queryForMap("select body, messaging_service_sid from text_messages where twilio_sid = ?", sid);
    }
}
