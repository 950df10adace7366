package org.textdesk.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/** The Send Text form offers a client the Quick Entries in the client's language first (issue 20, point 10). */
class SendTextLanguageTest extends IntegrationTest {

    /** Spanish, as the migration numbers it. */
    private static final long SPANISH = 2;

    @Autowired
    ClientService clientService;

    Staff casey;
    long call;
    long closed;
    long confirmed;

    @BeforeEach
    void quickEntriesSomeInSpanish() {
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        call = quickEntry(1, "Please call our office, {first_name}.", "Por favor, llame a nuestra oficina, {first_name}.");
        closed = quickEntry(2, "Our office is closed on Friday.", null);
        confirmed = quickEntry(3, "Hello {first_name} {last_name}, your appointment tomorrow is confirmed.",
                "Hola {first_name} {last_name}, su cita de mañana está confirmada.");
    }

    private long quickEntry(int position, String english, String spanish) {
        long id = jdbc.queryForObject("insert into quick_entries (text, position, created_at, updated_at) "
                + "values (?, ?, now(), now()) returning id", Long.class, english, position);
        if (spanish != null) {
            jdbc.update("insert into quick_entry_versions (quick_entry_id, language_id, text, updated_at) "
                    + "values (?, ?, ?, now())", id, SPANISH, spanish);
        }
        return id;
    }

    private String sendTextPage(Client client) throws Exception {
        MvcTestResult page = mvc.get().uri("/clients/{id}/texts/new", client.getId()).with(user(as(casey))).exchange();
        assertThat(page).hasStatusOk();
        return HtmlUtils.htmlUnescape(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String selectOf(String html) {
        int start = html.indexOf("<select id=\"quickEntryId\"");
        return html.substring(start, html.indexOf("</select>", start) + "</select>".length()).replaceAll("\\s+", " ")
                .replace("> <", "><");
    }

    @Test
    void aSpanishSpeakingClientIsOfferedTheSpanishVersionsFirstThenEveryQuickEntryInEnglish() throws Exception {
        Client maria = ClientFixture.client("Maria", "Lopez").cell("770", "555-0188").safe(true).okayToText(true)
                .language(SPANISH).create(clientService, as(casey));
        String select = selectOf(sendTextPage(maria));
        assertThat(select).isEqualTo(
                "<select id=\"quickEntryId\" name=\"quickEntryId\">"
                + "<option value=\"\">Choose a Quick Entry...</option>"
                + "<optgroup label=\"Spanish (the client's language)\">"
                + "<option value=\"" + call + ":2\" lang=\"es\" data-value=\"Por favor, llame a nuestra oficina, Maria.\">"
                + "Por favor, llame a nuestra oficina, {first_name}.</option>"
                + "<option value=\"" + confirmed + ":2\" lang=\"es\" "
                + "data-value=\"Hola Maria Lopez, su cita de mañana está confirmada.\">"
                + "Hola {first_name} {last_name}, su cita de mañana está confirmada.</option>"
                + "</optgroup>"
                + "<optgroup label=\"English\">"
                + "<option value=\"" + call + "\" data-value=\"Please call our office, Maria.\">"
                + "Please call our office, {first_name}.</option>"
                + "<option value=\"" + closed + "\" data-value=\"Our office is closed on Friday.\">"
                + "Our office is closed on Friday.</option>"
                + "<option value=\"" + confirmed + "\" "
                + "data-value=\"Hello Maria Lopez, your appointment tomorrow is confirmed.\">"
                + "Hello {first_name} {last_name}, your appointment tomorrow is confirmed.</option>"
                + "</optgroup></select>");
    }

    @Test
    void anEnglishSpeakingClientIsOfferedTheEnglishQuickEntriesAsBefore() throws Exception {
        Client jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        String select = selectOf(sendTextPage(jordan));
        assertThat(select).doesNotContain("optgroup", "Por favor", "lang=");
        assertThat(select).contains(
                "<option value=\"\">Choose a Quick Entry...</option>"
                + "<option value=\"" + call + "\" data-value=\"Please call our office, Jordan.\">");
    }

    @Test
    void aClientWhoseLanguageNoQuickEntryHasIsOfferedTheEnglishOnesAndTold() throws Exception {
        long vietnamese = jdbc.queryForObject("insert into languages (name, code, created_at) values "
                + "('Vietnamese', 'vi', now()) returning id", Long.class);
        Client an = ClientFixture.client("An", "Nguyen").cell("404", "555-0142").safe(true).okayToText(true)
                .language(vietnamese).create(clientService, as(casey));
        String html = sendTextPage(an);
        assertThat(html).contains("No Quick Entry has a Vietnamese version yet, so they are offered in English.");
        assertThat(selectOf(html)).contains("<optgroup label=\"English\">").doesNotContain("Vietnamese", "Por favor");
    }

    @Test
    void aSpanishVersionTooLongForOneTextOnceFilledIsRefusedWithTheCountersWordsAndNotSent() throws Exception {
        // 65 characters as typed; with these names 73, and "á" makes it a Unicode text of 70 at most.
        Client maximiliana = ClientFixture.client("Maximiliana", "Villanueva-Echeverri").cell("770", "555-0190")
                .safe(true).okayToText(true).language(SPANISH).create(clientService, as(casey));
        String filled = "Hola Maximiliana Villanueva-Echeverri, su cita de mañana está confirmada.";
        assertThat(sendTextPage(maximiliana)).contains("data-value=\"" + filled + "\"");

        MvcTestResult refused = mvc.post().uri("/clients/{id}/texts", maximiliana.getId()).with(user(as(casey)))
                .with(csrf()).param("quickEntryId", confirmed + ":2").param("body", filled)
                .param("sendKey", UUID.randomUUID().toString()).exchange();
        assertThat(refused).hasStatusOk().model().extractingBindingResult("sendTextForm").hasFieldErrors("body");
        String html = HtmlUtils.htmlUnescape(refused.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(html).contains("á would make this a Unicode text, which holds 70 characters; the message is 73 "
                + "characters. Shorten it, or take á out.")
                .contains(">" + filled + "</textarea>")
                .contains("<option value=\"" + confirmed + ":2\" lang=\"es\" data-value=\"" + filled + "\" selected=\"selected\">");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Long.class)).isZero();

        // Shortened (the last name left out), it goes.
        String shorter = "Hola Maximiliana, su cita de mañana está confirmada.";
        assertThat(mvc.post().uri("/clients/{id}/texts", maximiliana.getId()).with(user(as(casey))).with(csrf())
                .param("quickEntryId", confirmed + ":2").param("body", shorter)
                .param("sendKey", UUID.randomUUID().toString())).hasStatus3xxRedirection();
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).singleElement()
                .satisfies(post -> assertThat(post.param("Body")).isEqualTo(shorter));
    }
}
