package org.textdesk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;
import org.textdesk.IntegrationTest;
import org.textdesk.staff.Staff;

/** A client's preferred language on the New client and Edit client forms and the record (issue 20, point 10). */
class ClientLanguageTest extends IntegrationTest {

    /** The ids the migration gives the two languages TextDesk comes with. */
    private static final String ENGLISH = "1";
    private static final String SPANISH = "2";

    @Autowired
    ClientService clientService;

    Staff casey;

    @BeforeEach
    void aCaseworker() {
        casey = newCaseworker();
    }

    private MvcTestResult newClient(String languageId) {
        var request = mvc.post().uri("/clients/new").with(user(as(casey))).with(csrf()).param("firstName", "Maria")
                .param("lastName", "Lopez").param("cellAreaCode", "770").param("cellNumber", "555-0188")
                .param("safe", "true").param("okayToText", "true");
        if (languageId != null) {
            request.param("languageId", languageId);
        }
        return request.exchange();
    }

    private MvcTestResult edit(long id, String languageId) {
        return mvc.post().uri("/clients/{id}/edit", id).with(user(as(casey))).with(csrf()).param("firstName", "Maria")
                .param("lastName", "Lopez").param("cellAreaCode", "770").param("cellNumber", "555-0188")
                .param("safe", "true").param("okayToText", "true").param("okayToTextCell", "+17705550188")
                .param("version", String.valueOf(clientService.findClient(id).getVersion()))
                .param("languageId", languageId).exchange();
    }

    private static String html(MvcTestResult result) {
        try {
            return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private Long languageOfTheOnlyClient() {
        return jdbc.queryForObject("select language_id from clients", Long.class);
    }

    @Test
    void theFormOffersEveryLanguageEnglishFirstAndTheRecordShowsTheChosenOne() {
        jdbc.update("insert into languages (name, code, created_at) values ('Vietnamese', 'vi', now()), "
                + "('Amharic', null, now())");
        assertThat(html(mvc.get().uri("/clients/new").with(user(as(casey))).exchange()))
                .contains("<label for=\"languageId\">Preferred language</label>")
                .containsSubsequence(">English</option>", ">Amharic</option>", ">Spanish</option>",
                        ">Vietnamese</option>");

        assertThat(newClient(SPANISH)).hasStatus3xxRedirection();
        long id = jdbc.queryForObject("select id from clients", Long.class);
        assertThat(languageOfTheOnlyClient()).isEqualTo(2L);
        assertThat(html(mvc.get().uri("/clients/{id}", id).with(user(as(casey))).exchange()))
                .contains("<dt>Preferred language</dt>", "<dd class=\"client-language\">Spanish</dd>");
        assertThat(html(mvc.get().uri("/clients/{id}/edit", id).with(user(as(casey))).exchange()))
                .contains("<option value=\"2\" selected=\"selected\">Spanish</option>");

        assertThat(edit(id, ENGLISH)).hasStatus3xxRedirection();
        assertThat(languageOfTheOnlyClient()).isEqualTo(1L);
    }

    @Test
    void aClientIsEnglishUnlessSomeoneChoosesAnotherLanguage() {
        assertThat(newClient(null)).hasStatus3xxRedirection();
        assertThat(languageOfTheOnlyClient()).isEqualTo(1L);
        // A client written before languages existed (the migration's column default): English too.
        jdbc.update("insert into clients (first_name, last_name, created_at, updated_at) values ('Old', 'Client', "
                + "now(), now())");
        assertThat(jdbc.queryForObject("select language_id from clients where last_name = 'Client'", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void anEditWithoutALanguageKeepsTheOneTheClientHad() {
        Client maria = ClientFixture.client("Maria", "Lopez").cell("770", "555-0188").safe(true).okayToText(true)
                .language(2).create(clientService, as(casey));
        assertThat(mvc.post().uri("/clients/{id}/edit", maria.getId()).with(user(as(casey))).with(csrf())
                .param("firstName", "Maria").param("lastName", "Lopez-Garcia").param("cellAreaCode", "770")
                .param("cellNumber", "555-0188").param("safe", "true").param("version", "0"))
                .hasStatus3xxRedirection();
        assertThat(jdbc.queryForMap("select last_name, language_id from clients"))
                .containsEntry("last_name", "Lopez-Garcia").containsEntry("language_id", 2L);
    }

    @Test
    void aLanguageNoOneHasIsRefusedBesideTheBoxKeepingWhatWasTypedAndWritingNothing() {
        MvcTestResult unknown = newClient("999");
        assertThat(unknown).hasStatusOk().model().extractingBindingResult("clientForm").hasFieldErrors("languageId");
        assertThat(html(unknown))
                .contains("That language does not exist (any more). Reload the page and choose one from the list.")
                .contains("aria-describedby=\"languageId-error\"")
                .contains("value=\"Maria\"", "value=\"555-0188\"");
        assertThat(jdbc.queryForObject("select count(*) from clients", Long.class)).isZero();

        MvcTestResult notANumber = newClient("Spanish");
        assertThat(notANumber).hasStatusOk();
        assertThat(html(notANumber)).contains("Choose a language from the list.");
        assertThat(jdbc.queryForObject("select count(*) from clients", Long.class)).isZero();

        Client maria = ClientFixture.client("Maria", "Lopez").cell("770", "555-0188").safe(true).okayToText(true)
                .create(clientService, as(casey));
        MvcTestResult refusedEdit = edit(maria.getId(), "999");
        assertThat(refusedEdit).hasStatusOk();
        assertThat(html(refusedEdit)).contains("That language does not exist (any more).");
        assertThat(jdbc.queryForMap("select language_id, version from clients"))
                .containsEntry("language_id", 1L).containsEntry("version", 0L);
    }

    @Test
    void whenSomeoneElseSavedMeanwhileTheFormShowsTheLanguageTheyChoseAndKeepsThisPersonsChoice() {
        Client maria = ClientFixture.client("Maria", "Lopez").cell("770", "555-0188").safe(true).okayToText(true)
                .create(clientService, as(casey));
        // Someone else sets Spanish (version 0 becomes 1)...
        assertThat(edit(maria.getId(), SPANISH)).hasStatus3xxRedirection();
        // ... while this person, who loaded version 0, chooses English.
        MvcTestResult stale = mvc.post().uri("/clients/{id}/edit", maria.getId()).with(user(as(casey))).with(csrf())
                .param("firstName", "Maria").param("lastName", "Lopez").param("cellAreaCode", "770")
                .param("cellNumber", "555-0188").param("safe", "true").param("okayToText", "true")
                .param("okayToTextCell", "+17705550188").param("version", "0").param("languageId", ENGLISH).exchange();
        assertThat(html(stale).replaceAll("\\s+", " "))
                .contains("<dt>Preferred language</dt><dd>Spanish</dd>")
                .contains("<option value=\"1\" selected=\"selected\">English</option>");
        assertThat(languageOfTheOnlyClient()).isEqualTo(2L);
    }
}
