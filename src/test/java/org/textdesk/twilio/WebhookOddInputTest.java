package org.textdesk.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioSignatures;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/** Webhook input Twilio would not send but an attacker or a proxy might: a 4xx or a correct answer, never a 500. */
class WebhookOddInputTest extends IntegrationTest {

    @BeforeEach
    void twilioIsSetUp() {
        configureTwilio();
    }

    @Test
    void aTenThousandCharacterBodyIsAnsweredAndKeptToTwiliosLimit() {
        MvcTestResult answer = TwilioWebhookRequests.post(mvc, "/twilio/sms",
                TwilioWebhookRequests.incomingText(FakeTwilio.newMessageSid(), "+14045387319", "z".repeat(10_000)));
        assertThat(answer).hasStatusOk().bodyText().contains("<Response>");
        assertThat(jdbc.queryForObject("select length(body) from text_messages", Integer.class)).isEqualTo(1600);
    }

    @Test
    void extraUnknownParametersAreSignedLikeTheOthersAndAccepted() {
        Map<String, String> params = new LinkedHashMap<>(
                TwilioWebhookRequests.incomingText(FakeTwilio.newMessageSid(), "+14045387319", "Hello"));
        params.put("SomeFutureTwilioField", "anything");
        params.put("AddOns", "{\"status\":\"successful\"}");
        assertThat(TwilioWebhookRequests.post(mvc, "/twilio/sms", params)).hasStatusOk();
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isEqualTo(1);
    }

    /**
     * The contract for a form whose Content-Type names ISO-8859-1 (Twilio itself always sends UTF-8, but a proxy
     * may re-encode): it is decoded in the charset it names, the signature is checked over the decoded values
     * (as Twilio signs the values, not the bytes), and a correctly signed text is stored as the person wrote it
     * and answered 200 with TwiML.
     */
    @Test
    void aLatin1FormIsReadInItsOwnCharset() {
        Map<String, String> params = TwilioWebhookRequests.incomingText("SMlatin1", "+14045387319", "Caf\u00e9");
        String body = TwilioWebhookRequests.form(params).replace("Caf%C3%A9", "Caf%E9");
        assertThat(body).contains("Body=Caf%E9");
        MvcTestResult answer = mvc.post().uri("/twilio/sms")
                .contentType(new MediaType(MediaType.APPLICATION_FORM_URLENCODED, StandardCharsets.ISO_8859_1))
                .content(body)
                .header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN,
                        TwilioWebhookRequests.MOCK_MVC_BASE + "/twilio/sms", params))
                .exchange();
        assertThat(answer).hasStatusOk().bodyText().contains("<Response>");
        assertThat(jdbc.queryForObject("select body from text_messages where twilio_sid = 'SMlatin1'", String.class))
                .isEqualTo("Caf\u00e9");
    }

    @Test
    void brokenPercentEncodingAndInvalidUtf8AreBadRequestsThatWriteNothing() {
        for (String body : new String[] {"MessageSid=SM1&Body=%ZZ&From=%2B14045387319",
            "MessageSid=SM1&Body=%C3%28%FF&From=%2B14045387319&To=%2B14044764365", "=&&==&Body", "%"}) {
            MvcTestResult answer = mvc.post().uri("/twilio/sms").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content(body).header("X-Twilio-Signature", "AAAA").exchange();
            assertThat(answer.getResponse().getStatus()).as(body).isBetween(400, 499);
        }
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isZero();
    }
}
