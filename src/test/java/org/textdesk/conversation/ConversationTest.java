package org.textdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.inbox.IncomingTexts;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/** The conversation thread on PostgreSQL: both directions in order, pictures, unread, and the reply box's rules. */
class ConversationTest extends IntegrationTest {

    /** A 1 x 1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Autowired
    ClientService clientService;

    @Autowired
    IncomingTexts incomingTexts;

    Staff casey;
    Client jordan;

    @BeforeEach
    void aClientWhoMayBeTexted() {
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
    }

    private long receive(String body) {
        incomingTexts.receive(FakeTwilio.newMessageSid(), "+14045387319", TwilioSetupFixture.TWILIO_NUMBER, body, null);
        return jdbc.queryForObject("select max(id) from text_messages where direction = 'INBOUND'", Long.class);
    }

    private MvcTestResult reply(Client client, String body, String sendKey, boolean confirmNotSafe) {
        return mvc.post().uri("/clients/{id}/conversation", client.getId()).with(user(as(casey))).with(csrf())
                .param("body", body).param("sendKey", sendKey).param("confirmNotSafe", String.valueOf(confirmNotSafe))
                .exchange();
    }

    private String thread(Client client) {
        return countedGet("/clients/" + client.getId() + "/conversation", casey).result();
    }

    @Test
    void theThreadShowsBothDirectionsOldestFirstWithWhoStatusAndPictures() throws Exception {
        long first = receive("Hi, is my appointment on Monday?");
        assertThat(reply(jordan, "Yes, Monday at 10.", UUID.randomUUID().toString(), false)).hasStatus3xxRedirection();
        long picture = receive("");
        jdbc.update("update text_messages set num_media = 1 where id = ?", picture);
        long mediaId = jdbc.queryForObject("""
                insert into text_media (text_message_id, position, twilio_url, declared_type, state, content_type,
                    size_bytes, content, next_attempt_at)
                values (?, 0, 'https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME', 'image/png',
                    'STORED', 'image/png', ?, ?, now()) returning id""", Long.class, picture, PNG.length, PNG);

        String html = thread(jordan);
        int question = html.indexOf("Hi, is my appointment on Monday?");
        int answer = html.indexOf("Yes, Monday at 10.");
        int thumbnail = html.indexOf("src=\"/media/" + mediaId + "\"");
        assertThat(question).isPositive().isLessThan(answer);
        assertThat(answer).isLessThan(thumbnail);
        assertThat(html).contains("id=\"text-" + first + "\" class=\"bubble incoming\"")
                .containsPattern("class=\"bubble outgoing\"[\\s\\S]*" + Pattern.quote(casey.getDisplayName())
                        + "[\\s\\S]*>queued<")
                .contains(">Picture<", "href=\"/texts/" + first + "\"", "href=\"/clients/" + jordan.getId() + "/texts\"")
                .contains("data-sms-counter", "/js/sms-counter.js", "/js/send-text.js");
    }

    @Test
    void openingTheThreadMarksTheClientsTextsReadShowingThemNewThisOnce() {
        receive("Are you there?");
        assertThat(jdbc.queryForObject("select count(*) from text_messages where read_at is null", Integer.class))
                .isEqualTo(1);
        assertThat(thread(jordan)).contains(">New<");
        assertThat(jdbc.queryForObject("select count(*) from text_messages where read_at is null", Integer.class))
                .isZero();
        assertThat(thread(jordan)).doesNotContain(">New<");
    }

    @Test
    void aReplyIsOneSmsThroughSendTextsPathAndAPostedAgainFormSendsNothingMore() {
        String key = UUID.randomUUID().toString();
        MvcTestResult sent = reply(jordan, "See you Monday.", key, false);
        long messageId = jdbc.queryForObject("select id from text_messages where direction = 'OUTBOUND'", Long.class);
        assertThat(sent).hasRedirectedUrl("/clients/" + jordan.getId() + "/conversation#text-" + messageId);
        assertThat(followRedirect(sent, as(casey))).bodyText().contains("Text handed to Twilio.");
        assertThat(reply(jordan, "See you Monday.", key, false))
                .hasRedirectedUrl("/clients/" + jordan.getId() + "/conversation#text-" + messageId);
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH).get(0).param("Body")).isEqualTo("See you Monday.");
        assertThat(jdbc.queryForList("select sent_by from text_messages", Long.class)).containsExactly(casey.getId());
    }

    @Test
    void refusalsSayWhyBesideTheBoxAndKeepWhatWasTyped() {
        Client dana = ClientFixture.client("Dana", "Brooks").cell("678", "555-0123").safe(false).okayToText(true)
                .create(clientService, as(casey));
        assertThat(reply(dana, "Call me back please.", UUID.randomUUID().toString(), false)).hasStatusOk().bodyText()
                .contains("Call me back please.</textarea>")
                .contains("Tick this box to confirm you want to text a client who is not marked Safe.");
        String tooLong = "x".repeat(161);
        assertThat(reply(jordan, tooLong, UUID.randomUUID().toString(), false)).hasStatusOk().bodyText()
                .contains(tooLong + "</textarea>", "The message is 161 characters, but one text holds at most 160. Shorten it.");
        assertThat(reply(jordan, "Your case {case_number} is ready.", UUID.randomUUID().toString(), false))
                .hasStatusOk().bodyText().contains("Your case {case_number} is ready.</textarea>",
                        "The message still has {case_number} in it. Choose the case in Case # to fill it in");
        assertThat(reply(jordan, "   ", UUID.randomUUID().toString(), false)).hasStatusOk().bodyText()
                .contains("Type the text message, or choose a Quick Entry.");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isZero();
    }

    @Test
    void aClientWhoMayNotBeTextedShowsWhyAndTheButtonIsOff() {
        Client sam = ClientFixture.client("Sam", "Carter").safe(true).okayToText(false).create(clientService, as(casey));
        assertThat(thread(sam)).contains("id=\"send-blocked\"", "disabled=\"disabled\"");
        assertThat(reply(sam, "Hello", UUID.randomUUID().toString(), false)).hasStatusOk().bodyText()
                .contains("Hello</textarea>");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
    }

    @Test
    void anUnknownClientIsNotFoundAndAMissingSendKeyIsABadRequest() {
        assertThat(mvc.get().uri("/clients/999999/conversation").with(user(as(casey)))).hasStatus(404);
        assertThat(mvc.post().uri("/clients/{id}/conversation", jordan.getId()).with(user(as(casey))).with(csrf())
                .param("body", "Hello")).hasStatus(400);
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
    }
}
