package org.textdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.http.HttpResponse;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.IntegrationTest;
import org.textdesk.SecondInstance;
import org.textdesk.TwilioSignatures;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * An admin saves a new Auth Token on one instance; the other instance (which keeps the setup it read for a few
 * seconds) verifies webhooks with the new token from that moment: a 403 there is not retried by Twilio, so the
 * text would be lost. There is no grace period for the previous token: it is refused at once.
 */
class AuthTokenChangeOnTwoInstancesTest extends IntegrationTest {

    private static final String NEW_TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String PATH = "/twilio/sms";

    @Autowired
    DataSource dataSource;

    @Test
    void theOtherInstanceAcceptsWebhooksSignedWithTheNewTokenTheMomentItIsSaved() {
        configureTwilio();
        String second = SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl()).baseUrl();
        // The second instance reads (and keeps) the setup with the first token.
        assertThat(TwilioWebhookRequests.postHttp(second, PATH, text("SMtoken000001")).statusCode()).isEqualTo(200);

        long version = jdbc.queryForObject("select version from twilio_settings", Long.class);
        assertThat(mvc.post().uri("/admin/twilio").with(user(as(newAdmin()))).with(csrf())
                .param("enabled", "true").param("_enabled", "on")
                .param("accountSid", TwilioSetupFixture.ACCOUNT_SID).param("authToken", NEW_TOKEN)
                .param("statusCallback", baseUrl() + "/twilio/status").param("twilioNumber", "404-476-4365")
                .param("textResponse", TwilioSetupFixture.TEXT_RESPONSE)
                .param("callResponse", TwilioSetupFixture.CALL_RESPONSE)
                .param("version", Long.toString(version)).exchange()).hasRedirectedUrl("/admin/twilio");

        Map<String, String> signedWithTheNewToken = text("SMtoken000002");
        HttpResponse<String> answer = TwilioWebhookRequests.postHttp(second, PATH, signedWithTheNewToken, null,
                Map.of("X-Twilio-Signature", TwilioSignatures.sign(NEW_TOKEN, second + PATH, signedWithTheNewToken)));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(TwilioWebhookRequests.postHttp(second, PATH, text("SMtoken000003")).statusCode())
                .as("signed with the previous token").isEqualTo(403);
        assertThat(jdbc.queryForList("select twilio_sid from text_messages where direction = 'INBOUND' order by id",
                String.class)).containsExactly("SMtoken000001", "SMtoken000002");
    }

    private static Map<String, String> text(String sid) {
        return TwilioWebhookRequests.incomingText(sid, "+14045387319", "Hello");
    }
}
