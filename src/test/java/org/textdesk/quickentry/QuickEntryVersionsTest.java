package org.textdesk.quickentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.staff.Staff;

/** A Quick Entry's versions in other languages on the admin form (issue 20, point 10). */
class QuickEntryVersionsTest extends IntegrationTest {

    @Autowired
    QuickEntryService quickEntryService;

    Staff admin;

    @BeforeEach
    void anAdmin() {
        admin = newAdmin();
    }

    private MockMvcRequestBuilder addForm(String text) {
        return mvc.post().uri("/admin/quick-entries/new").with(user(as(admin))).with(csrf()).param("text", text);
    }

    private List<Map<String, Object>> versions() {
        return jdbc.queryForList("select quick_entry_id, language_id, text from quick_entry_versions "
                + "order by quick_entry_id, language_id");
    }

    private static String html(MvcTestResult result) {
        return QuickEntryAdminPageTest.text(result);
    }

    @Test
    void anAdminAddsAndChangesASpanishVersionWhichTheListNames() {
        assertThat(html(mvc.get().uri("/admin/quick-entries/new").with(user(as(admin))).exchange()))
                .contains("<label for=\"text\">Message</label>", "<h2 id=\"versions-heading\">In other languages</h2>",
                        "<label for=\"versions2\">Message in Spanish</label>")
                .contains("<textarea rows=\"3\" lang=\"es\" id=\"versions2\" name=\"versions[2]\"></textarea>");

        assertThat(addForm("Please call our office about case {case_number}.")
                .param("versions[2]", "Por favor, llame a nuestra oficina sobre el caso {case_number}.").exchange())
                .hasRedirectedUrl("/admin/quick-entries");
        assertThat(addForm("Our office is closed on Friday.").param("versions[2]", "  ").exchange())
                .hasRedirectedUrl("/admin/quick-entries");
        long first = quickEntryService.listQuickEntries().get(0).id();
        long second = quickEntryService.listQuickEntries().get(1).id();
        assertThat(versions()).containsExactly(Map.of("quick_entry_id", first, "language_id", 2L, "text",
                "Por favor, llame a nuestra oficina sobre el caso {case_number}."));
        assertThat(html(mvc.get().uri("/admin/quick-entries").with(user(as(admin))).exchange()))
                .containsSubsequence("Please call our office", "<td class=\"quick-entry-languages\">English, Spanish</td>",
                        "Our office is closed", "<td class=\"quick-entry-languages\">English</td>");

        assertThat(html(mvc.get().uri("/admin/quick-entries/{id}/edit", first).with(user(as(admin))).exchange()))
                .contains(">Por favor, llame a nuestra oficina sobre el caso {case_number}.</textarea>");
        assertThat(mvc.post().uri("/admin/quick-entries/{id}/edit", first).with(user(as(admin))).with(csrf())
                .param("text", "Please call our office about case {case_number}.").param("version", "0")
                .param("versions[2]", "Llame a nuestra oficina, por favor: caso {case_number}."))
                .hasRedirectedUrl("/admin/quick-entries");
        // The second entry gets one; the first loses its own when the box is emptied.
        assertThat(mvc.post().uri("/admin/quick-entries/{id}/edit", second).with(user(as(admin))).with(csrf())
                .param("text", "Our office is closed on Friday.").param("version", "0")
                .param("versions[2]", "Nuestra oficina cierra el viernes."))
                .hasRedirectedUrl("/admin/quick-entries");
        assertThat(versions()).extracting(row -> row.get("text")).containsExactly(
                "Llame a nuestra oficina, por favor: caso {case_number}.", "Nuestra oficina cierra el viernes.");
        assertThat(mvc.post().uri("/admin/quick-entries/{id}/edit", first).with(user(as(admin))).with(csrf())
                .param("text", "Please call our office about case {case_number}.").param("version", "1")
                .param("versions[2]", ""))
                .hasRedirectedUrl("/admin/quick-entries");
        assertThat(versions()).extracting(row -> row.get("quick_entry_id")).containsExactly(second);

        // A change of a version alone is a change of the entry: an edit from before it is refused as stale.
        MvcTestResult stale = mvc.post().uri("/admin/quick-entries/{id}/edit", second).with(user(as(admin)))
                .with(csrf()).param("text", "Our office is closed on Friday.").param("version", "0")
                .param("versions[2]", "Cerrado el viernes.").exchange();
        assertThat(html(stale)).contains("Someone else changed this Quick Entry while you were editing it");
        assertThat(versions()).extracting(row -> row.get("text")).containsExactly("Nuestra oficina cierra el viernes.");

        // Deleting the entry deletes its versions.
        mvc.post().uri("/admin/quick-entries/{id}/delete", second).with(user(as(admin))).with(csrf()).exchange();
        assertThat(versions()).isEmpty();
    }

    @Test
    void eachVersionMustFitOneSmsAndIsRefusedBesideItsOwnBoxKeepingEverything() {
        // ñ and é are GSM-7 letters: 160 of them fit one text.
        String gsm160 = "Mañana a las diez, por favor. Olé. " + "ñ".repeat(125);
        assertThat(gsm160).hasSize(160);
        assertThat(addForm("Tomorrow at ten, please.").param("versions[2]", gsm160).exchange())
                .hasRedirectedUrl("/admin/quick-entries");
        MvcTestResult gsm161 = addForm("Tomorrow at ten, please.").param("versions[2]", gsm160 + "é").exchange();
        assertThat(gsm161).hasStatusOk().model().extractingBindingResult("quickEntryForm")
                .hasFieldErrors("versions[2]");
        assertThat(html(gsm161)).contains("This message counts 161 characters, but one text message holds 160.");

        // á is not: one makes the version a Unicode text of 70 at most, and the message names it.
        String ucs71 = "Su cita está confirmada para mañana a las diez. Llame si no puede ir.";
        assertThat(ucs71).hasSize(69);
        MvcTestResult tooLong = addForm("Your appointment is confirmed for tomorrow at ten.")
                .param("versions[2]", ucs71 + "!!").exchange();
        assertThat(tooLong).hasStatusOk().model().extractingBindingResult("quickEntryForm")
                .hasFieldErrors("versions[2]");
        assertThat(html(tooLong))
                .contains("<span class=\"error\" id=\"versions2-error\">This message counts 71 characters, but one "
                        + "text message holds only 70 because it contains \u201c\u00e1\u201d. Shorten it or replace that "
                        + "character.</span>")
                .contains("aria-describedby=\"versions2-error\"")
                .contains(">Your appointment is confirmed for tomorrow at ten.</textarea>")
                .contains(">" + ucs71 + "!!</textarea>");
        assertThat(addForm("Your appointment is confirmed.").param("versions[2]", ucs71 + "!").exchange())
                .hasRedirectedUrl("/admin/quick-entries");

        MvcTestResult unknownPlaceholder = addForm("Hello {first_name}").param("versions[2]", "Hola {nombre}")
                .exchange();
        assertThat(html(unknownPlaceholder)).contains("{nombre} is not a placeholder TextDesk knows. Use only "
                + "{first_name}, {last_name}, {case_number}, {staff_name}.");
        assertThat(quickEntryService.listQuickEntries()).extracting(QuickEntryView::text)
                .containsExactly("Tomorrow at ten, please.", "Your appointment is confirmed.");
        assertThat(versions()).extracting(row -> row.get("text")).containsExactly(gsm160, ucs71 + "!");
    }

    @Test
    void aVersionInALanguageThatDoesNotExistOrInEnglishRefusesTheForm() {
        MvcTestResult unknown = addForm("Hello").param("versions[999]", "Xin chào").exchange();
        assertThat(unknown).hasStatusOk();
        assertThat(html(unknown)).contains(
                "<p class=\"form-problem\" role=\"alert\">That language does not exist (any more). Reload the page "
                        + "and choose one from the list.</p>");
        MvcTestResult english = addForm("Hello").param("versions[1]", "Hello again").exchange();
        assertThat(html(english)).contains("That language does not exist (any more).");
        assertThat(quickEntryService.listQuickEntries()).isEmpty();
        assertThat(versions()).isEmpty();
    }

    @Test
    void aLanguageAnAdminAddedGetsItsOwnBox() {
        long vietnamese = jdbc.queryForObject("insert into languages (name, code, created_at) values "
                + "('Vietnamese', 'vi', now()) returning id", Long.class);
        assertThat(html(mvc.get().uri("/admin/quick-entries/new").with(user(as(admin))).exchange()))
                .containsSubsequence("Message in Spanish", "Message in Vietnamese")
                .contains("lang=\"vi\" id=\"versions" + vietnamese + "\" name=\"versions[" + vietnamese + "]\"");
        assertThat(addForm("See you soon.").param("versions[" + vietnamese + "]", "Hẹn gặp lại.").exchange())
                .hasRedirectedUrl("/admin/quick-entries");
        assertThat(versions()).extracting(row -> row.get("text")).containsExactly("Hẹn gặp lại.");
    }
}
