package org.textdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;
import org.w3c.dom.Element;

/**
 * POST /twilio/sms: every incoming text stored once, linked to every client with the sender's number;
 * STOP and START change Okay to Text for all of them and are answered with an empty Response, every
 * other text with the Text Response.
 */
class IncomingTextTest extends IntegrationTest {

    static final String PATH = "/twilio/sms";
    static final String SHARED_CELL = "+14045387319";
    static final AtomicInteger sids = new AtomicInteger();

    @Autowired
    ClientService clientService;

    Staff casey;
    Client jordan;
    Client riley;
    Client sam;

    @BeforeEach
    void clientsTwoOfWhomShareACell() {
        configureTwilio();
        casey = newCaseworker();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        riley = ClientFixture.client("Riley", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        sam = ClientFixture.client("Sam", "Other").cell("404", "538-7320").safe(true).okayToText(true)
                .create(clientService, as(casey));
    }

    @Test
    void aTextIsStoredForEveryClientWithTheNumberAndAnsweredWithTheTextResponse() {
        String sid = newSid();
        MvcTestResult result = text(sid, SHARED_CELL, "Running late, see you at 3");
        assertThat(result).hasStatusOk().hasContentType("text/xml;charset=UTF-8");
        assertThat(messageOf(result)).isEqualTo(TwilioSetupFixture.TEXT_RESPONSE);

        Map<String, Object> row = jdbc.queryForMap("select * from text_messages");
        assertThat(row).containsEntry("direction", "INBOUND").containsEntry("twilio_sid", sid)
                .containsEntry("from_number", SHARED_CELL).containsEntry("to_number", TwilioSetupFixture.TWILIO_NUMBER)
                .containsEntry("body", "Running late, see you at 3").containsEntry("status", "received")
                .containsEntry("client_id", null).containsEntry("sent_by", null).containsEntry("unknown_number", false);
        assertThat(jdbc.queryForList("select client_id from client_texts order by client_id", Long.class))
                .containsExactly(jordan.getId(), riley.getId());
        assertThat(okayToText()).containsExactly(true, true, true);
        assertThat(jdbc.queryForObject("select count(*) from consent_events where source = 'KEYWORD'", Integer.class))
                .isZero();
    }

    @Test
    void aTextFromAnUnknownNumberIsKeptWithoutAClient() {
        MvcTestResult result = text(newSid(), "+14155550123", "Who is this?");
        assertThat(messageOf(result)).isEqualTo(TwilioSetupFixture.TEXT_RESPONSE);
        assertThat(jdbc.queryForMap("select direction, from_number, body, unknown_number from text_messages"))
                .containsEntry("direction", "INBOUND").containsEntry("from_number", "+14155550123")
                .containsEntry("body", "Who is this?").containsEntry("unknown_number", true);
        assertThat(jdbc.queryForObject("select count(*) from client_texts", Integer.class)).isZero();
    }

    @Test
    void aTextFromANumberOutsideTheUsIsKeptToo() {
        text(newSid(), "+447700900123", "STOP");
        assertThat(jdbc.queryForObject("select from_number from text_messages", String.class)).isEqualTo("+447700900123");
        assertThat(okayToText()).containsExactly(true, true, true);
    }

    @Test
    void aRepeatedPostStoresNothingNewAndAnswersTheSame() throws Exception {
        String stopSid = newSid();
        MvcTestResult first = text(stopSid, SHARED_CELL, "STOP");
        assertThat(okayToText()).containsExactly(false, false, true);
        text(newSid(), SHARED_CELL, "START");
        assertThat(okayToText()).containsExactly(true, true, true);
        int events = consentEvents();

        MvcTestResult again = text(stopSid, SHARED_CELL, "STOP");
        assertThat(again.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(okayToText()).containsExactly(true, true, true);
        assertThat(consentEvents()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from client_texts", Integer.class)).isEqualTo(4);

        String helloSid = newSid();
        MvcTestResult hello = text(helloSid, SHARED_CELL, "Hello");
        assertThat(text(helloSid, SHARED_CELL, "Hello").getResponse().getContentAsString())
                .isEqualTo(hello.getResponse().getContentAsString());
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isEqualTo(3);
    }

    static Stream<String> stopSpellings() {
        return KeywordTest.TWILIO_OPT_OUT_WORDS.stream().flatMap(word -> Stream.of(word, " " + word.toLowerCase() + "! ",
                "\u201c" + word.charAt(0) + word.substring(1).toLowerCase() + ".\u201d"));
    }

    @ParameterizedTest
    @MethodSource("stopSpellings")
    void everyStopKeywordUnticksOkayToTextForEveryClientWithTheNumber(String texted) {
        MvcTestResult result = text(newSid(), SHARED_CELL, texted);
        assertThat(isEmptyResponse(result)).isTrue();
        assertThat(okayToText()).containsExactly(false, false, true);
        String word = Keyword.oneWord(texted);
        assertThat(keywordEvents()).containsExactly(jordan.getId() + " false " + word, riley.getId() + " false " + word);
        assertThat(jdbc.queryForObject("select body from text_messages", String.class)).isEqualTo(texted);
    }

    static Stream<String> startSpellings() {
        return KeywordTest.TWILIO_OPT_IN_WORDS.stream().flatMap(word -> Stream.of(word, "  " + word.toLowerCase() + "!!",
                "(" + word.charAt(0) + word.substring(1).toLowerCase() + ")"));
    }

    @ParameterizedTest
    @MethodSource("startSpellings")
    void everyStartKeywordTicksOkayToTextAgain(String texted) {
        text(newSid(), SHARED_CELL, "Stop");
        assertThat(okayToText()).containsExactly(false, false, true);
        MvcTestResult result = text(newSid(), SHARED_CELL, texted);
        assertThat(isEmptyResponse(result)).isTrue();
        assertThat(okayToText()).containsExactly(true, true, true);
        String word = Keyword.oneWord(texted);
        assertThat(keywordEvents()).containsExactly(jordan.getId() + " false STOP", riley.getId() + " false STOP",
                jordan.getId() + " true " + word, riley.getId() + " true " + word);
    }

    @Test
    void stopPleaseIsNotAKeyword() {
        MvcTestResult result = text(newSid(), SHARED_CELL, "stop please");
        assertThat(messageOf(result)).isEqualTo(TwilioSetupFixture.TEXT_RESPONSE);
        assertThat(okayToText()).containsExactly(true, true, true);
        assertThat(keywordEvents()).isEmpty();
        assertThat(jdbc.queryForObject("select body from text_messages", String.class)).isEqualTo("stop please");
    }

    @Test
    void twiliosOptOutTypeIsHonoured() {
        MvcTestResult stop = text(newSid(), SHARED_CELL, "Arr\u00eat", "STOP");
        assertThat(isEmptyResponse(stop)).isTrue();
        assertThat(okayToText()).containsExactly(false, false, true);
        assertThat(keywordEvents()).containsExactly(jordan.getId() + " false STOP", riley.getId() + " false STOP");

        MvcTestResult start = text(newSid(), SHARED_CELL, "Commencer", "START");
        assertThat(isEmptyResponse(start)).isTrue();
        assertThat(okayToText()).containsExactly(true, true, true);

        MvcTestResult help = text(newSid(), SHARED_CELL, "HELP", "HELP");
        assertThat(isEmptyResponse(help)).isTrue();
        assertThat(okayToText()).containsExactly(true, true, true);
        assertThat(keywordEvents()).hasSize(4);
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isEqualTo(3);
    }

    @Test
    void aKeywordChangesOnlyClientsWhoseBoxDiffers() {
        jdbc.update("update clients set okay_to_text = false where id = ?", riley.getId());
        text(newSid(), SHARED_CELL, "STOP");
        assertThat(keywordEvents()).containsExactly(jordan.getId() + " false STOP");
        text(newSid(), SHARED_CELL, "STOP");
        assertThat(keywordEvents()).hasSize(1);
    }

    @Test
    void a1600CharacterBodyEndingInAnEmojiIsStoredWhole() {
        String body = "\u00e9".repeat(1599) + "\ud83d\ude42";
        MvcTestResult result = text(newSid(), SHARED_CELL, body);
        assertThat(messageOf(result)).isEqualTo(TwilioSetupFixture.TEXT_RESPONSE);
        assertThat(jdbc.queryForObject("select body from text_messages", String.class))
                .isEqualTo("\u00e9".repeat(1599) + "\ud83d\ude42");
        assertThat(jdbc.queryForObject("select char_length(body) from text_messages", Integer.class)).isEqualTo(1600);
    }

    @Test
    void aBodyLongerThanTwilioSendsKeepsItsFirst1600Characters() {
        text(newSid(), "+14155550199", "\u00e9".repeat(1599) + "\ud83d\ude42" + "x".repeat(400));
        assertThat(jdbc.queryForObject("select body from text_messages where from_number = '+14155550199'",
                String.class)).isEqualTo("\u00e9".repeat(1599) + "\ud83d\ude42");

        String plain = "y".repeat(2000);
        text(newSid(), "+14155550123", plain);
        assertThat(jdbc.queryForObject("select body from text_messages where from_number = '+14155550123'",
                String.class)).isEqualTo("y".repeat(1600));
    }

    @Test
    void aTextWithoutBodyIsKeptEmpty() {
        Map<String, String> params = new LinkedHashMap<>(TwilioWebhookRequests.incomingText(newSid(), SHARED_CELL, ""));
        params.remove("Body");
        params.put("NumMedia", "1");
        assertThat(TwilioWebhookRequests.post(mvc, PATH, params)).hasStatusOk();
        assertThat(jdbc.queryForObject("select body from text_messages", String.class)).isEmpty();
    }

    @Test
    void theTextShowsOnTheTimelineOfEachClientWithTheNumber() {
        text(newSid(), SHARED_CELL, "See you Tuesday");
        assertThat(jdbc.queryForList("""
                select t.body from client_texts ct join text_messages t on t.id = ct.text_message_id
                where ct.client_id = ?""", String.class, riley.getId())).containsExactly("See you Tuesday");
    }

    private MvcTestResult text(String sid, String from, String body) {
        return TwilioWebhookRequests.post(mvc, PATH, TwilioWebhookRequests.incomingText(sid, from, body));
    }

    /** With OptOutType, as Twilio posts it for a number in a Messaging Service with Advanced Opt-Out. */
    private MvcTestResult text(String sid, String from, String body, String optOutType) {
        Map<String, String> params = TwilioWebhookRequests.incomingText(sid, from, body, optOutType,
                "MG0123456789abcdef0123456789abcdef");
        assertThat(params).containsOnlyKeys("ToCountry", "ToState", "SmsMessageSid", "NumMedia", "ToCity", "FromZip",
                "SmsSid", "FromState", "SmsStatus", "FromCity", "Body", "FromCountry", "To", "ToZip", "NumSegments",
                "MessageSid", "AccountSid", "From", "ApiVersion", "OptOutType", "MessagingServiceSid");
        return TwilioWebhookRequests.post(mvc, PATH, params);
    }

    private List<Boolean> okayToText() {
        return Stream.of(jordan, riley, sam).map(client -> clientService.findClient(client.getId()).isOkayToText())
                .toList();
    }

    private List<String> keywordEvents() {
        return jdbc.queryForList("""
                select client_id || ' ' || okay_to_text || ' ' || detail from consent_events
                where source = 'KEYWORD' order by id""", String.class);
    }

    private int consentEvents() {
        return jdbc.queryForObject("select count(*) from consent_events", Integer.class);
    }

    private static String newSid() {
        return "SM%032x".formatted(sids.incrementAndGet());
    }

    /** The TwiML as XML: a Response with exactly one Message, whose text is returned. */
    static String messageOf(MvcTestResult result) {
        Element response = twiml(result);
        assertThat(response.getChildNodes().getLength()).isEqualTo(1);
        Element message = (Element) response.getFirstChild();
        assertThat(message.getTagName()).isEqualTo("Message");
        return message.getTextContent();
    }

    static boolean isEmptyResponse(MvcTestResult result) {
        return twiml(result).getChildNodes().getLength() == 0;
    }

    static Element twiml(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("text/xml");
        try {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(result.getResponse().getContentAsByteArray())).getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("Response");
            return root;
        } catch (Exception notXml) {
            throw new AssertionError("not XML: " + new String(result.getResponse().getContentAsByteArray(),
                    StandardCharsets.UTF_8), notXml);
        }
    }
}
