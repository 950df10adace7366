package org.textdesk.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioSignatures;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/** Requests that are not Twilio's form posts, or lack what Twilio always sends: 4xx, never 500, nothing written. */
class WebhookBadInputTest extends IntegrationTest {

    static final String MESSAGE_SID = "SM" + "a".repeat(32);

    @BeforeEach
    void twilioIsSetUp() {
        configureTwilio();
    }

    @ParameterizedTest
    @ValueSource(strings = {WebhookAddresses.STATUS_PATH, WebhookAddresses.SMS_PATH, WebhookAddresses.VOICE_PATH})
    void aJsonBodyIsABadRequest(String path) {
        String json = "{\"MessageSid\": \"" + MESSAGE_SID + "\", \"MessageStatus\": \"sent\"}";
        MvcTestResult result = mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json)
                .header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN,
                        TwilioWebhookRequests.MOCK_MVC_BASE + path, Map.of()))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).body().isEmpty();
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(strings = {WebhookAddresses.STATUS_PATH, WebhookAddresses.SMS_PATH, WebhookAddresses.VOICE_PATH})
    void aGetIsNotAllowed(String path) {
        MvcTestResult result = mvc.get().uri(path + "?MessageSid=" + MESSAGE_SID).exchange();
        assertThat(result).hasStatus(HttpStatus.METHOD_NOT_ALLOWED).hasHeader("Allow", "POST");
        MvcTestResult asStaff = mvc.get().uri(path).with(user(as(newCaseworker()))).exchange();
        assertThat(asStaff).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
        assertNothingWritten();
    }

    @Test
    void aPostWithoutAnyBodyOrContentTypeIsABadRequest() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + WebhookAddresses.SMS_PATH)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertNothingWritten();
    }

    @Test
    void aGarbledFormIsABadRequest() {
        String garbled = "MessageSid=" + MESSAGE_SID + "&Body=%E2%8&From=%ZZ";
        MvcTestResult result = mvc.post().uri(WebhookAddresses.SMS_PATH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(garbled)
                .header("X-Twilio-Signature", "anything").exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertNothingWritten();
    }

    @Test
    void aHugeBodyIsRefused() {
        Map<String, String> params = TwilioWebhookRequests.incomingText(MESSAGE_SID, "+14045387319",
                "x".repeat(70_000));
        assertThat(TwilioWebhookRequests.post(mvc, WebhookAddresses.SMS_PATH, params))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE);
        assertNothingWritten();
    }

    @Test
    void aRepeatedParameterCannotBeVerified() {
        String form = TwilioWebhookRequests.form(TwilioWebhookRequests.statusCallback(MESSAGE_SID, "sent"))
                + "&MessageStatus=delivered";
        assertThat(mvc.post().uri(WebhookAddresses.STATUS_PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(form).header("X-Twilio-Signature", "anything").exchange()).hasStatus(HttpStatus.FORBIDDEN);
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MessageSid", "MessageStatus"})
    void aSignedStatusCallbackWithoutARequiredParameterIsABadRequest(String missing) {
        Map<String, String> params = new LinkedHashMap<>(TwilioWebhookRequests.statusCallback(MESSAGE_SID, "sent"));
        params.remove(missing);
        if (missing.equals("MessageStatus")) {
            params.remove("SmsStatus");
        } else {
            params.remove("SmsSid");
        }
        assertBadRequest(TwilioWebhookRequests.post(mvc, WebhookAddresses.STATUS_PATH, params));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MessageSid", "From", "To"})
    void aSignedIncomingTextWithoutARequiredParameterIsABadRequest(String missing) {
        Map<String, String> params = new LinkedHashMap<>(TwilioWebhookRequests.incomingText(MESSAGE_SID,
                "+14045387319", "STOP"));
        params.remove(missing);
        assertBadRequest(TwilioWebhookRequests.post(mvc, WebhookAddresses.SMS_PATH, params));
    }

    @Test
    void aSignedIncomingCallWithoutCallSidIsABadRequest() {
        Map<String, String> params = new LinkedHashMap<>(TwilioWebhookRequests.incomingCall("CA" + "1".repeat(32),
                "+14045387319"));
        params.remove("CallSid");
        assertBadRequest(TwilioWebhookRequests.post(mvc, WebhookAddresses.VOICE_PATH, params));
    }

    @Test
    void valuesInAnotherShapeThanTwiliosAreABadRequest() {
        for (Map.Entry<String, String> odd : List.of(Map.entry("MessageSid", "SM'; drop table clients;--"),
                Map.entry("MessageStatus", "x".repeat(40)), Map.entry("ErrorCode", "12345678901"),
                Map.entry("MessageSid", "S" + "M".repeat(80)))) {
            Map<String, String> params = new LinkedHashMap<>(TwilioWebhookRequests.statusCallback(MESSAGE_SID, "sent"));
            params.put(odd.getKey(), odd.getValue());
            assertBadRequest(TwilioWebhookRequests.post(mvc, WebhookAddresses.STATUS_PATH, params));
        }
        Map<String, String> text = new LinkedHashMap<>(TwilioWebhookRequests.incomingText(MESSAGE_SID,
                "+1404538731912345678901", "Hello"));
        assertBadRequest(TwilioWebhookRequests.post(mvc, WebhookAddresses.SMS_PATH, text));
    }

    @Test
    void unsignedAndIncompleteIsRefusedAsUnsigned() {
        MvcTestResult result = mvc.post().uri(WebhookAddresses.STATUS_PATH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("").exchange();
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertNothingWritten();
    }

    private void assertBadRequest(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).body().isEmpty();
        assertNothingWritten();
    }

    private void assertNothingWritten() {
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from message_status_events", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from consent_events", Integer.class)).isZero();
    }
}
