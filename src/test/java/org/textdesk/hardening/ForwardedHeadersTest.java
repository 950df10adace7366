package org.textdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioSignatures;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * TEXTDESK_PUBLIC_BASE_URL unset: the URL a webhook signature is checked over comes from the request, with
 * forwarded headers honoured only from a trusted proxy (TEXTDESK_TRUSTED_PROXIES; loopback by default). An
 * incoming text Twilio signed for another application's address on the same account, replayed here with
 * X-Forwarded-Host naming that address, is refused from anywhere else.
 */
class ForwardedHeadersTest extends IntegrationTest {

    private static final String OTHER_APP = "https://other-app.example.net";
    private static final String PATH = "/twilio/sms";

    @BeforeEach
    void twilioSetUp() {
        configureTwilio();
    }

    @Test
    void aCallbackSignedForAnotherUrlWithForwardedHostFromAnUntrustedAddressIsRefused403() {
        MvcTestResult answer = replayedFrom("203.0.113.9");

        assertThat(answer).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(inboundTexts()).isZero();
    }

    @Test
    void fromAPrivateAddressNotNamedAsAProxyTheForwardedHostIsIgnoredToo() {
        // Tomcat's own rule trusted every private address; only TEXTDESK_TRUSTED_PROXIES counts now.
        assertThat(replayedFrom("10.1.2.3")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(inboundTexts()).isZero();
    }

    @Test
    void fromATrustedProxyTheForwardedUrlIsTheOneChecked() {
        MvcTestResult answer = replayedFrom("127.0.0.1");

        assertThat(answer).hasStatusOk();
        assertThat(inboundTexts()).isEqualTo(1);
    }

    @Test
    void overRealHttpFromTheLoopbackProxyTheForwardedUrlIsTheOneChecked() {
        Map<String, String> params = TwilioWebhookRequests.incomingText("SMforwarded0002", "+14045387319", "Hi");
        assertThat(TwilioWebhookRequests.postHttp(baseUrl(), PATH, params, OTHER_APP + PATH,
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "other-app.example.net")).statusCode())
                .isEqualTo(200);
        assertThat(inboundTexts()).isEqualTo(1);
    }

    private MvcTestResult replayedFrom(String remoteAddress) {
        Map<String, String> params = TwilioWebhookRequests.incomingText("SMforwarded0001", "+14045387319", "Hi");
        return mvc.post().uri(PATH)
                .with(request -> {
                    request.setRemoteAddr(remoteAddress);
                    return request;
                })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(TwilioWebhookRequests.form(params))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "other-app.example.net")
                .header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN, OTHER_APP + PATH,
                        params))
                .exchange();
    }

    private int inboundTexts() {
        return jdbc.queryForObject("select count(*) from text_messages where direction = 'INBOUND'", Integer.class);
    }
}
