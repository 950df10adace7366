package org.textdesk.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioSignatures;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.texts.TextMessageRows;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Every webhook checks X-Twilio-Signature over the URL Twilio used and the form body parameters; a
 * request that fails is answered 403 with an empty body, writes nothing and logs one warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookSignatureCheckTest extends IntegrationTest {

    static final String SID = "SM0123456789abcdef0123456789abcdef";
    static final String PATH = WebhookAddresses.STATUS_PATH;

    long messageId;

    @BeforeEach
    void aTextTwilioAccepted() {
        configureTwilio();
        messageId = TextMessageRows.outbound(jdbc, null, null, SID, "queued", "Hello", Instant.now());
    }

    @Test
    void aCorrectlySignedCallbackIsRecorded() {
        assertThat(TwilioWebhookRequests.post(mvc, PATH, TwilioWebhookRequests.statusCallback(SID, "sent")))
                .hasStatusOk();
        assertThat(statuses()).containsExactly("queued", "sent");
    }

    @Test
    void oneChangedParameterIsRefused(CapturedOutput output) {
        Map<String, String> signed = TwilioWebhookRequests.statusCallback(SID, "sent");
        Map<String, String> sent = new LinkedHashMap<>(signed);
        sent.put("MessageStatus", "delivered");
        assertRefused(mvc.post().uri(PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(TwilioWebhookRequests.form(sent))
                .header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN,
                        TwilioWebhookRequests.MOCK_MVC_BASE + PATH, signed)).exchange(), output);
    }

    @Test
    void anAddedParameterIsRefused(CapturedOutput output) {
        Map<String, String> signed = TwilioWebhookRequests.statusCallback(SID, "sent");
        Map<String, String> sent = new LinkedHashMap<>(signed);
        sent.put("ErrorCode", "21610");
        assertRefused(mvc.post().uri(PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(TwilioWebhookRequests.form(sent))
                .header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN,
                        TwilioWebhookRequests.MOCK_MVC_BASE + PATH, signed)).exchange(), output);
    }

    @Test
    void aSignatureMadeWithAnotherTokenIsRefused(CapturedOutput output) {
        Map<String, String> params = TwilioWebhookRequests.statusCallback(SID, "sent");
        assertRefused(signedPost(params, TwilioSignatures.sign("0000000000aaaaaaaaaabbbbbbbbbbcc",
                TwilioWebhookRequests.MOCK_MVC_BASE + PATH, params)), output);
    }

    @Test
    void aMissingSignatureIsRefused(CapturedOutput output) {
        assertRefused(mvc.post().uri(PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(TwilioWebhookRequests.form(TwilioWebhookRequests.statusCallback(SID, "sent"))).exchange(),
                output);
    }

    @Test
    void aGarbledSignatureIsRefused(CapturedOutput output) {
        assertRefused(signedPost(TwilioWebhookRequests.statusCallback(SID, "sent"), "not base64 at all!"), output);
    }

    @Test
    void withoutTwilioSetupEveryRequestIsRefused(CapturedOutput output) {
        jdbc.update("delete from twilio_settings");
        assertRefused(TwilioWebhookRequests.post(mvc, PATH, TwilioWebhookRequests.statusCallback(SID, "sent")),
                output);
        assertThat(output.getOut()).contains("no Twilio Setup");
    }

    @Test
    void eachWebhookChecksTheSignature(CapturedOutput output) {
        for (String path : List.of(WebhookAddresses.SMS_PATH, WebhookAddresses.VOICE_PATH)) {
            Map<String, String> params = path.equals(WebhookAddresses.SMS_PATH)
                    ? TwilioWebhookRequests.incomingText("SM" + "1".repeat(32), "+14045387319", "Hello")
                    : TwilioWebhookRequests.incomingCall("CA" + "1".repeat(32), "+14045387319");
            MvcTestResult result = mvc.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content(TwilioWebhookRequests.form(params))
                    .header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN,
                            TwilioWebhookRequests.MOCK_MVC_BASE + WebhookAddresses.STATUS_PATH, params))
                    .exchange();
            assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(result).body().isEmpty();
        }
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isEqualTo(1);
        assertThat(warnings(output)).hasSize(2);
    }

    @Test
    void theQueryStringIsPartOfTheUrlAndItsParametersAreNotSigned() {
        Map<String, String> params = TwilioWebhookRequests.statusCallback(SID, "sent");
        String url = TwilioWebhookRequests.MOCK_MVC_BASE + PATH + "?client=textdesk&b=2";
        assertThat(mvc.post().uri(PATH + "?client=textdesk&b=2").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(TwilioWebhookRequests.form(params))
                .header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN, url, params))
                .exchange()).hasStatusOk();

        Map<String, String> withQueryParams = TwilioWebhookRequests.statusCallback(SID, "delivered");
        Map<String, String> signedAsBodyParams = new LinkedHashMap<>(withQueryParams);
        signedAsBodyParams.put("client", "textdesk");
        signedAsBodyParams.put("b", "2");
        assertThat(mvc.post().uri(PATH + "?client=textdesk&b=2").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(TwilioWebhookRequests.form(withQueryParams))
                .header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN, url,
                        signedAsBodyParams))
                .exchange()).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(statuses()).containsExactly("queued", "sent");
    }

    @Test
    void behindAProxyTheForwardedSchemeAndHostAreTheUrlTwilioUsed(CapturedOutput output) {
        Map<String, String> params = TwilioWebhookRequests.statusCallback(SID, "sent");
        String publicUrl = "https://texts.example.org" + PATH;
        assertThat(mvc.post().uri(PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(TwilioWebhookRequests.form(params))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "texts.example.org")
                .header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN, publicUrl, params))
                .exchange()).hasStatusOk();

        Map<String, String> delivered = TwilioWebhookRequests.statusCallback(SID, "delivered");
        MvcTestResult signedForTheInsideAddress = mvc.post().uri(PATH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(TwilioWebhookRequests.form(delivered))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "texts.example.org")
                .header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN,
                        TwilioWebhookRequests.MOCK_MVC_BASE + PATH, delivered))
                .exchange();
        assertThat(signedForTheInsideAddress).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(signedForTheInsideAddress).body().isEmpty();
        assertThat(statuses()).containsExactly("queued", "sent");
        assertThat(warnings(output)).singleElement().asString().contains("https://texts.example.org/twilio/status");
    }

    @Test
    void theStandardForwardedHeaderIsHonouredToo() {
        Map<String, String> params = TwilioWebhookRequests.statusCallback(SID, "sent");
        assertThat(mvc.post().uri(PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(TwilioWebhookRequests.form(params))
                .header("Forwarded", "for=203.0.113.7;proto=https;host=texts.example.org")
                .header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN,
                        "https://texts.example.org" + PATH, params))
                .exchange()).hasStatusOk();
    }

    @Test
    void overRealHttpThroughAProxyWithXForwardedProtoHttps() {
        Map<String, String> params = TwilioWebhookRequests.statusCallback(SID, "sent");
        HttpResponse<String> viaProxy = TwilioWebhookRequests.postHttp(baseUrl(), PATH, params,
                "https://texts.example.org" + PATH,
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "texts.example.org",
                        "X-Forwarded-For", "203.0.113.7"));
        assertThat(viaProxy.statusCode()).isEqualTo(200);

        Map<String, String> delivered = TwilioWebhookRequests.statusCallback(SID, "delivered");
        HttpResponse<String> protoOnly = TwilioWebhookRequests.postHttp(baseUrl(), PATH, delivered,
                "https://localhost" + PATH, Map.of("X-Forwarded-Proto", "https"));
        assertThat(protoOnly.statusCode()).isEqualTo(200);

        Map<String, String> read = TwilioWebhookRequests.statusCallback(SID, "read");
        HttpResponse<String> signedForPlainHttp = TwilioWebhookRequests.postHttp(baseUrl(), PATH, read,
                baseUrl() + PATH, Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "texts.example.org"));
        assertThat(signedForPlainHttp.statusCode()).isEqualTo(403);
        assertThat(signedForPlainHttp.body()).isEmpty();
        assertThat(statuses()).containsExactly("queued", "sent", "delivered");
    }

    @Test
    void overRealHttpWithoutAProxyTheRequestUrlIsUsed() {
        HttpResponse<String> direct = TwilioWebhookRequests.postHttp(baseUrl(), PATH,
                TwilioWebhookRequests.statusCallback(SID, "sent"));
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(direct.body()).isEmpty();
        assertThat(statuses()).containsExactly("queued", "sent");
    }

    private MvcTestResult signedPost(Map<String, String> params, String signature) {
        return mvc.post().uri(PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(TwilioWebhookRequests.form(params)).header("X-Twilio-Signature", signature).exchange();
    }

    private void assertRefused(MvcTestResult result, CapturedOutput output) {
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(result).body().isEmpty();
        assertThat(statuses()).containsExactly("queued");
        assertThat(jdbc.queryForObject("select status from text_messages where id = ?", String.class, messageId))
                .isEqualTo("queued");
        assertThat(jdbc.queryForObject("select count(*) from consent_events", Integer.class)).isZero();
        List<String> warnings = warnings(output);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("/twilio/status", "403")
                .doesNotContain(TwilioSetupFixture.AUTH_TOKEN, "+14045387319", "4045387319", SID);
        assertThat(output.getOut()).doesNotContain(TwilioSetupFixture.AUTH_TOKEN);
    }

    private static List<String> warnings(CapturedOutput output) {
        return Arrays.stream(output.getOut().split("\\R"))
                .filter(line -> line.contains(" WARN ") && line.contains("TwilioWebhookFilter")).toList();
    }

    private List<String> statuses() {
        return jdbc.queryForList("select status from message_status_events where text_message_id = ? order by id",
                String.class, messageId);
    }
}
