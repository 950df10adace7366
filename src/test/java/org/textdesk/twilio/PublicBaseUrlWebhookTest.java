package org.textdesk.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioSignatures;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.texts.TextMessageRows;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * With TEXTDESK_PUBLIC_BASE_URL set, the signature is checked over that address plus the path and query,
 * whatever the request's own address and forwarded headers say (a context of its own).
 */
@TestPropertySource(properties = "textdesk.twilio.public-base-url=https://texts.example.org/")
class PublicBaseUrlWebhookTest extends IntegrationTest {

    static final String SID = "SM0123456789abcdef0123456789abcdef";
    static final String PATH = WebhookAddresses.STATUS_PATH;
    static final String PUBLIC_URL = "https://texts.example.org" + PATH;

    long messageId;

    @BeforeEach
    void aTextTwilioAccepted() {
        configureTwilio();
        messageId = TextMessageRows.outbound(jdbc, null, null, SID, "queued", "Hello", Instant.now());
    }

    @Test
    void aRequestSignedForThePublicAddressIsAccepted() {
        Map<String, String> params = TwilioWebhookRequests.statusCallback(SID, "sent");
        assertThat(TwilioWebhookRequests.postHttp(baseUrl(), PATH, params, PUBLIC_URL, Map.of()).statusCode())
                .isEqualTo(200);
        Map<String, String> delivered = TwilioWebhookRequests.statusCallback(SID, "delivered");
        assertThat(mvc.post().uri(PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(TwilioWebhookRequests.form(delivered))
                .header("X-Forwarded-Proto", "http").header("X-Forwarded-Host", "elsewhere.example.net")
                .header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN, PUBLIC_URL, delivered))
                .exchange()).hasStatusOk();
        assertThat(statuses()).containsExactly("queued", "sent", "delivered");
    }

    @Test
    void theQueryStringIsAddedToThePublicAddress() {
        Map<String, String> params = TwilioWebhookRequests.statusCallback(SID, "sent");
        assertThat(TwilioWebhookRequests.postHttp(baseUrl(), PATH + "?x=1", params, PUBLIC_URL + "?x=1", Map.of())
                .statusCode()).isEqualTo(200);
        assertThat(statuses()).containsExactly("queued", "sent");
    }

    @Test
    void aRequestSignedForAnyOtherAddressIsRefusedEvenWhenTheProxySaysSo() {
        Map<String, String> params = TwilioWebhookRequests.statusCallback(SID, "sent");
        HttpResponse<String> ownAddress = TwilioWebhookRequests.postHttp(baseUrl(), PATH, params, baseUrl() + PATH,
                Map.of());
        assertThat(ownAddress.statusCode()).isEqualTo(403);
        assertThat(ownAddress.body()).isEmpty();
        assertThat(mvc.post().uri(PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(TwilioWebhookRequests.form(params))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "proxy.example.net")
                .header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN,
                        "https://proxy.example.net" + PATH, params))
                .exchange()).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(statuses()).containsExactly("queued");
        assertThat(jdbc.queryForObject("select status from text_messages", String.class)).isEqualTo("queued");
    }

    private java.util.List<String> statuses() {
        return jdbc.queryForList("select status from message_status_events where text_message_id = ? order by id",
                String.class, messageId);
    }
}
