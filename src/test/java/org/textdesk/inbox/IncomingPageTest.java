package org.textdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.history.TextsPagesTest;
import org.textdesk.staff.Staff;
import org.textdesk.texts.TextingData;

class IncomingPageTest extends IntegrationTest {

    @Autowired
    ClientService clientService;

    TextingData data;
    Staff casey;
    Client jordan;
    Client maria;
    Client luis;

    @BeforeEach
    void clientsTwoOfWhomShareANumber() {
        data = new TextingData(jdbc);
        casey = newCaseworker();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        maria = ClientFixture.client("Maria", "Lopez").cell("770", "555-0188").safe(true).okayToText(true)
                .create(clientService, as(casey));
        luis = ClientFixture.client("Luis", "Lopez").cell("770", "555-0188").safe(false).okayToText(false)
                .create(clientService, as(casey));
    }

    @Test
    void everyIncomingTextNewestFirstWithUnreadAndUnknownNumbersMarked() {
        Instant now = Instant.now();
        long fromJordan = data.incoming("+14045387319", "Running late", now.minusSeconds(300), jordan.getId());
        long fromFamily = data.incoming("+17705550188", "This is Maria", now.minusSeconds(200), maria.getId(),
                luis.getId());
        long unknown = data.incoming("+14045550100", "New phone, it's Jordan", now.minusSeconds(100));
        jdbc.update("update text_messages set read_at = now() where id = ?", fromJordan);

        String page = body("/incoming");
        assertThat(TextsPagesTest.rowIds(page)).containsExactly(unknown, fromFamily, fromJordan);
        assertThat(page).contains("3 texts", "Unknown number", "404-555-0100", "New phone, it&#39;s Jordan",
                "href=\"/clients/" + maria.getId() + "/texts\">Maria Lopez</a>",
                "href=\"/clients/" + luis.getId() + "/texts\">Luis Lopez</a>",
                "href=\"/incoming/" + unknown + "/attach\"", "2 unread")
                .doesNotContain("href=\"/incoming/" + fromFamily + "/attach\"");
        assertThat(page.split(">New<", -1)).hasSize(3);
        assertThat(jdbc.queryForObject("select count(*) from text_messages where read_at is null", Integer.class))
                .as("listing does not mark texts read").isEqualTo(2);

        assertThat(TextsPagesTest.rowIds(body("/incoming?show=UNREAD"))).containsExactly(unknown, fromFamily);
        assertThat(TextsPagesTest.rowIds(body("/incoming?show=UNKNOWN_NUMBER"))).containsExactly(unknown);
        assertThat(TextsPagesTest.rowIds(body("/incoming?show=nonsense"))).hasSize(3);
    }

    @Test
    void incomingTexts25ToAPage() {
        Instant start = Instant.parse("2016-08-17T12:00:00Z");
        for (int i = 1; i <= 27; i++) {
            data.incoming("+14045550100", "Incoming " + i, start.plusSeconds(i));
        }
        String first = body("/incoming");
        assertThat(TextsPagesTest.rowIds(first)).hasSize(25);
        assertThat(first).contains("Incoming 27<", "Page 1 of 2", "27 texts");
        assertThat(TextsPagesTest.rowIds(body("/incoming?show=UNKNOWN_NUMBER&page=2"))).hasSize(2);
    }

    @Test
    void aTextFromAnUnknownNumberIsAttachedToAClientAndJoinsTheirTexts() {
        Instant received = Instant.parse("2016-08-18T13:00:00Z");
        long unknown = data.incoming("+14045550100", "New phone, it's Jordan", received);

        assertThat(body("/incoming/" + unknown + "/attach")).contains("Attach a text to a client", "404-555-0100",
                "New phone, it&#39;s Jordan", "<label for=\"q\">Search</label>");
        String found = body("/incoming/" + unknown + "/attach?q=avery");
        assertThat(found).contains("1 client matches", "Attach to Jordan Avery",
                "<input type=\"hidden\" name=\"clientId\" value=\"" + jordan.getId() + "\">", "name=\"_csrf\"")
                .doesNotContain("Attach to Maria Lopez");
        assertThat(body("/incoming/" + unknown + "/attach?q=770-555-0188")).contains("Attach to Maria Lopez",
                "Attach to Luis Lopez");

        assertThat(TextsPagesTest.rowIds(body("/incoming?show=UNKNOWN_NUMBER"))).containsExactly(unknown);
        MvcTestResult attached = attach(unknown, jordan.getId());
        assertThat(attached).hasRedirectedUrl("/clients/" + jordan.getId() + "/texts");
        assertThat(jdbc.queryForObject("select unknown_number from text_messages where id = ?", Boolean.class,
                unknown)).as("no longer from an unknown number").isFalse();
        assertThat(TextsPagesTest.rowIds(body("/incoming?show=UNKNOWN_NUMBER"))).isEmpty();
        assertThat(attach(unknown, jordan.getId())).hasStatus3xxRedirection();
        assertThat(jdbc.queryForList("select client_id from client_texts where text_message_id = ?", Long.class,
                unknown)).containsExactly(jordan.getId());
        assertThat(jdbc.queryForObject("select created_at = ? from client_texts where text_message_id = ?",
                Boolean.class, TextingData.utc(received), unknown)).isTrue();

        String texts = body("/clients/" + jordan.getId() + "/texts");
        assertThat(TextsPagesTest.rowIds(texts)).containsExactly(unknown);
        assertThat(texts).contains("New phone, it&#39;s Jordan", "From the client", "From 404-555-0100");
        assertThat(body("/incoming")).doesNotContain("Unknown number")
                .contains("href=\"/clients/" + jordan.getId() + "/texts\">Jordan Avery</a>");
    }

    @Test
    void attachingNeedsCsrfAnIncomingTextAndAClient() {
        long unknown = data.incoming("+14045550100", "Hi", Instant.now());
        assertThat(mvc.post().uri("/incoming/{id}/attach", unknown).with(user(as(casey)))
                .param("clientId", String.valueOf(jordan.getId()))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/incoming/{id}/attach", unknown).with(csrf())
                .param("clientId", String.valueOf(jordan.getId()))).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().endsWith("/login");
        assertThat(attach(unknown, 999999L)).hasStatus(HttpStatus.NOT_FOUND);
        long sent = data.outboundText().toClient(maria.getId(), "+17705550188").sentBy(casey.getId())
                .body("Hello")
                .status("sent").sentAt(Instant.now()).insert();
        assertThat(attach(sent, jordan.getId())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(attach(999999L, jordan.getId())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/incoming/{id}/attach", sent).with(user(as(casey)))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from client_texts where client_id = ?", Integer.class,
                jordan.getId())).isZero();
    }

    @Test
    void theNavigationCountsUnreadIncomingTexts() {
        assertThat(body("/clients")).contains("<span>Incoming</span>").doesNotContain("nav-count");
        data.incoming("+14045387319", "One", Instant.now(), jordan.getId());
        data.incoming("+14045550100", "Two", Instant.now());
        assertThat(body("/clients")).contains("href=\"/incoming\"", "<span class=\"nav-count\">2 unread</span>");
        body("/clients/" + jordan.getId() + "/texts");
        assertThat(body("/clients")).contains("<span class=\"nav-count\">1 unread</span>");
    }

    private MvcTestResult attach(long messageId, long clientId) {
        return mvc.post().uri("/incoming/{id}/attach", messageId).with(user(as(casey))).with(csrf())
                .param("clientId", String.valueOf(clientId)).exchange();
    }

    private String body(String uri) {
        try {
            var response = mvc.get().uri(uri).with(user(as(casey))).exchange().getResponse();
            assertThat(response.getStatus()).as(uri).isEqualTo(200);
            return response.getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
