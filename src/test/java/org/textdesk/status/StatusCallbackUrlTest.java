package org.textdesk.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.texts.TextMessageRows;
import org.textdesk.texts.TextingData;

/**
 * Issue 15, the story: Twilio Setup was saved while TEXTDESK_PUBLIC_BASE_URL was unset (Status Callback
 * prefilled with the local address), the public address was set later. Twilio signs each text's callbacks over
 * the StatusCallback that text was sent with, so those stay accepted; no other URL is.
 */
@TestPropertySource(properties = "textdesk.twilio.public-base-url=https://texts.example.org/")
class StatusCallbackUrlTest extends IntegrationTest {

    static final String PUBLIC_STATUS = "https://texts.example.org/twilio/status";

    @Autowired
    ClientService clientService;

    Staff casey;
    Client jordan;
    String localStatus;

    @BeforeEach
    void setupSavedBeforeThePublicAddressWasSet() {
        casey = newCaseworker();
        configureTwilio();
        localStatus = baseUrl() + "/twilio/status";
        fakeTwilio.acceptMessages("queued");
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
    }

    @Test
    void callbacksSignedOverTheStatusCallbackATextWasSentWithAreAcceptedAfterThePublicAddressIsSet() {
        assertThat(twilioSetupService.currentSetup().statusCallbackUrl()).isEqualTo(localStatus);
        long messageId = TextingData.send(mvc, casey, jordan, null, "See you at 3.");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH).get(0).param("StatusCallback"))
                .isEqualTo(localStatus);
        assertThat(jdbc.queryForObject("select status_callback_url from text_messages where id = ?", String.class,
                messageId)).isEqualTo(localStatus);
        String sid = sidOf(messageId);

        for (String status : List.of("sent", "delivered")) {
            assertThat(TwilioWebhookRequests.postHttp(baseUrl(), "/twilio/status",
                    TwilioWebhookRequests.statusCallback(sid, status), localStatus, Map.of()).statusCode())
                    .as(status).isEqualTo(200);
        }
        assertThat(history(messageId)).containsExactly("queued", "sent", "delivered");
        assertThat(jdbc.queryForObject("select status from text_messages where id = ?", String.class, messageId))
                .isEqualTo("delivered");
    }

    @Test
    void theAddressesAreThePublicOneAndTheTextsOwnNeverAnyOther() {
        long messageId = TextingData.send(mvc, casey, jordan, null, "See you at 3.");
        String sid = sidOf(messageId);
        String oldSid = "SM00000000000000000000000000000001";
        String oldStatus = "https://old.example.org/twilio/status";
        long oldText = TextMessageRows.outbound(jdbc, jordan.getId(), null, oldSid, "queued", "Earlier.", Instant.now());
        jdbc.update("update text_messages set status_callback_url = ? where id = ?", oldStatus, oldText);

        assertThat(postSigned(sid, "sent", "https://elsewhere.example.net/twilio/status")).isEqualTo(403);
        assertThat(postSigned(sid, "sent", oldStatus)).as("another text's Status Callback").isEqualTo(403);
        assertThat(history(messageId)).containsExactly("queued");

        assertThat(postSigned(oldSid, "sent", oldStatus)).isEqualTo(200);
        assertThat(postSigned(sid, "sent", PUBLIC_STATUS)).isEqualTo(200);
        assertThat(postSigned(sid, "delivered", localStatus)).isEqualTo(200);
        assertThat(history(oldText)).containsExactly("queued", "sent");
        assertThat(history(messageId)).containsExactly("queued", "sent", "delivered");
    }

    @Test
    void twilioSetupSaysInWordsWhatHappensWhenTheStatusCallbackIsNotThePublicAddress() {
        Staff admin = newAdmin();
        assertThat(mvc.get().uri("/admin/twilio").with(user(as(admin))).exchange()).hasStatusOk().bodyText()
                .contains("The saved Status Callback (" + localStatus + ") is not the status address Twilio reaches"
                        + " TextDesk at (" + PUBLIC_STATUS + ").")
                .contains("if that address does not reach TextDesk, their status stays at queued and nobody is told")
                .contains("Reports for texts already sent are still accepted at the address each was sent with.");

        jdbc.update("update twilio_settings set status_callback_url = ?", PUBLIC_STATUS);
        assertThat(mvc.get().uri("/admin/twilio").with(user(as(admin))).exchange()).hasStatusOk().bodyText()
                .doesNotContain("is not the status address Twilio reaches TextDesk at");
    }

    private int postSigned(String sid, String status, String signedUrl) {
        return TwilioWebhookRequests.postHttp(baseUrl(), "/twilio/status",
                TwilioWebhookRequests.statusCallback(sid, status), signedUrl, Map.of()).statusCode();
    }

    private String sidOf(long messageId) {
        return jdbc.queryForObject("select twilio_sid from text_messages where id = ?", String.class, messageId);
    }

    private List<String> history(long messageId) {
        return jdbc.queryForList("select status from message_status_events where text_message_id = ? order by id",
                String.class, messageId);
    }
}
