package org.textdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.twilio.WebhookAddresses;
import org.textdesk.twiliosetup.TwilioSetupFixture;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The TwiML TextDesk answers with, read back as XML: the Text Response, an empty Response, Say and Hangup. */
class TwimlAnswersTest extends IntegrationTest {

    static final String SMS_SID = "SM" + "5".repeat(32);
    static final String CALL_SID = "CA" + "5".repeat(32);

    @Test
    void anIncomingCallHearsTheCallResponseThenTheCallEnds() {
        configureTwilio();
        MvcTestResult result = TwilioWebhookRequests.post(mvc, WebhookAddresses.VOICE_PATH,
                TwilioWebhookRequests.incomingCall(CALL_SID, "+14045387319"));
        assertThat(result).hasStatusOk().hasContentType("text/xml;charset=UTF-8");
        List<Element> verbs = children(twiml(result));
        assertThat(verbs).extracting(Element::getTagName).containsExactly("Say", "Hangup");
        assertThat(verbs.get(0).getTextContent()).isEqualTo(TwilioSetupFixture.CALL_RESPONSE);
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isZero();
    }

    @Test
    void responsesWithCharactersXmlEscapesComeBackExactlyInUtf8() {
        configureTwilio();
        String textResponse = "D\u00e9sol\u00e9 <we> don't answer texts & \"calls\": phone (417) 555-0100.";
        String callResponse = "Merci d'avoir appel\u00e9 <TextDesk> & co. \u2014 au revoir.";
        TwilioSetupFixture.saveResponses(twilioSetupService, baseUrl(), textResponse, callResponse);

        MvcTestResult text = TwilioWebhookRequests.post(mvc, WebhookAddresses.SMS_PATH,
                TwilioWebhookRequests.incomingText(SMS_SID, "+14045387319", "Hello"));
        List<Element> messages = children(twiml(text));
        assertThat(messages).extracting(Element::getTagName).containsExactly("Message");
        assertThat(messages.get(0).getTextContent()).isEqualTo(textResponse);

        MvcTestResult call = TwilioWebhookRequests.post(mvc, WebhookAddresses.VOICE_PATH,
                TwilioWebhookRequests.incomingCall(CALL_SID, "+14045387319"));
        assertThat(children(twiml(call)).get(0).getTextContent()).isEqualTo(callResponse);
    }

    @Test
    void aKeywordIsAnsweredWithAnEmptyResponse() {
        configureTwilio();
        MvcTestResult result = TwilioWebhookRequests.post(mvc, WebhookAddresses.SMS_PATH,
                TwilioWebhookRequests.incomingText(SMS_SID, "+14045387319", "STOP"));
        assertThat(result).hasStatusOk().hasContentType("text/xml;charset=UTF-8");
        Element response = twiml(result);
        assertThat(response.getChildNodes().getLength()).isZero();
    }

    @Test
    void webhooksAreAnsweredWhileSendingIsTurnedOff() {
        configureTwilio();
        jdbc.update("update twilio_settings set enabled = false");
        MvcTestResult result = TwilioWebhookRequests.post(mvc, WebhookAddresses.SMS_PATH,
                TwilioWebhookRequests.incomingText(SMS_SID, "+14045387319", "Hello"));
        assertThat(children(twiml(result)).get(0).getTextContent()).isEqualTo(TwilioSetupFixture.TEXT_RESPONSE);
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isEqualTo(1);
    }

    private static Element twiml(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        byte[] body = result.getResponse().getContentAsByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("<?xml");
        try {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body))
                    .getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("Response");
            return root;
        } catch (Exception notXml) {
            throw new AssertionError("not XML: " + new String(body, StandardCharsets.UTF_8), notXml);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }
}
