package org.textdesk.quickentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.UnsupportedEncodingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;
import org.textdesk.IntegrationTest;
import org.textdesk.staff.Staff;

class QuickEntryAdminPageTest extends IntegrationTest {

    @Autowired
    QuickEntryService quickEntryService;

    static String text(MvcTestResult result) {
        try {
            return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    MvcTestResult add(Staff admin, String text) {
        return mvc.post().uri("/admin/quick-entries/new").with(user(as(admin))).with(csrf()).param("text", text)
                .exchange();
    }

    List<String> texts() {
        return quickEntryService.listQuickEntries().stream().map(QuickEntryView::text).toList();
    }

    List<Integer> positions() {
        return jdbc.queryForList("select position from quick_entries order by position", Integer.class);
    }

    long idAt(int position) {
        return quickEntryService.listQuickEntries().get(position - 1).id();
    }

    @Test
    void anAdminAddsQuickEntriesThatAreListedInOrder() {
        Staff admin = newAdmin();
        assertThat(mvc.get().uri("/admin/quick-entries").with(user(as(admin)))).hasStatusOk().bodyText()
                .contains("There are no Quick Entry messages yet.");
        assertThat(mvc.get().uri("/admin/quick-entries/new").with(user(as(admin)))).hasStatusOk().bodyText()
                .contains("<label for=\"text\">Message</label>", "{first_name}", "{staff_name}");

        assertThat(add(admin, "Please contact our office as soon as possible regarding"))
                .hasRedirectedUrl("/admin/quick-entries").flash().containsKey("flash");
        add(admin, "Hi {first_name}, your meeting about case {case_number} is tomorrow. {staff_name}");

        assertThat(texts()).containsExactly("Please contact our office as soon as possible regarding",
                "Hi {first_name}, your meeting about case {case_number} is tomorrow. {staff_name}");
        assertThat(positions()).containsExactly(1, 2);
        assertThat(text(mvc.get().uri("/admin/quick-entries").with(user(as(admin))).exchange()))
                .containsSubsequence("Please contact our office", "Hi {first_name}, your meeting");
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingItAndTheTextIsKept() {
        Staff admin = newAdmin();
        MvcTestResult refused = add(admin, "See you on {meeting_date}, {first_name}");
        assertThat(refused).hasStatusOk().model().extractingBindingResult("quickEntryForm").hasFieldErrors("text");
        assertThat(text(refused))
                .contains("{meeting_date} is not a placeholder TextDesk knows. Use only {first_name}, {last_name}, "
                        + "{case_number}, {staff_name}.")
                .contains(">See you on {meeting_date}, {first_name}</textarea>");
        assertThat(texts()).isEmpty();
    }

    @Test
    void aTextOfOneSmsIsAcceptedAndALongerOneRefused() {
        Staff admin = newAdmin();
        assertThat(add(admin, "b".repeat(160))).hasRedirectedUrl("/admin/quick-entries");

        MvcTestResult tooLong = add(admin, "c".repeat(161));
        assertThat(text(tooLong)).contains("This message counts 161 characters, but one text message holds 160.")
                .contains("c".repeat(161) + "</textarea>");

        String ucs71 = "Ваша встреча завтра " + "d".repeat(51);
        MvcTestResult tooLongUnicode = add(admin, ucs71);
        assertThat(text(tooLongUnicode))
                .contains("This message counts 71 characters, but one text message holds only 70 because it contains “В”.");
        assertThat(text(add(admin, "   "))).contains("Enter the message.");
        assertThat(texts()).containsExactly("b".repeat(160));
    }

    @Test
    void anAdminChangesAQuickEntryAndAStaleEditIsRefused() {
        Staff admin = newAdmin();
        add(admin, "Old text");
        long id = idAt(1);
        assertThat(mvc.get().uri("/admin/quick-entries/{id}/edit", id).with(user(as(admin)))).hasStatusOk().bodyText()
                .contains(">Old text</textarea>", "name=\"version\" value=\"0\"");

        assertThat(mvc.post().uri("/admin/quick-entries/{id}/edit", id).with(user(as(admin))).with(csrf())
                .param("text", "New text for {first_name}").param("version", "0"))
                .hasRedirectedUrl("/admin/quick-entries");
        assertThat(texts()).containsExactly("New text for {first_name}");

        MvcTestResult stale = mvc.post().uri("/admin/quick-entries/{id}/edit", id).with(user(as(admin))).with(csrf())
                .param("text", "My older edit").param("version", "0").exchange();
        assertThat(text(stale)).contains("Someone else changed this Quick Entry while you were editing it")
                .contains(">My older edit</textarea>");
        MvcTestResult invalid = mvc.post().uri("/admin/quick-entries/{id}/edit", id).with(user(as(admin))).with(csrf())
                .param("text", "{nope}").param("version", "1").exchange();
        assertThat(text(invalid)).contains("{nope} is not a placeholder TextDesk knows.");
        assertThat(texts()).containsExactly("New text for {first_name}");
    }

    @Test
    void aGarbledVersionIsRefusedPlainlyKeepingTheText() {
        Staff admin = newAdmin();
        add(admin, "Old text");
        MvcTestResult refused = mvc.post().uri("/admin/quick-entries/{id}/edit", idAt(1)).with(user(as(admin)))
                .with(csrf()).param("text", "Kept text").param("version", "x").exchange();
        assertThat(text(refused)).contains("This page is out of date. Go back to the list and try again.")
                .contains(">Kept text</textarea>");
        assertThat(texts()).containsExactly("Old text");
    }

    @Test
    void movingUpAndDownSwapsNeighboursAndKeepsPositionsDense() {
        Staff admin = newAdmin();
        add(admin, "one");
        add(admin, "two");
        add(admin, "three");
        assertThat(mvc.post().uri("/admin/quick-entries/{id}/move-up", idAt(3)).with(user(as(admin))).with(csrf()))
                .hasRedirectedUrl("/admin/quick-entries");
        assertThat(texts()).containsExactly("one", "three", "two");
        mvc.post().uri("/admin/quick-entries/{id}/move-down", idAt(1)).with(user(as(admin))).with(csrf()).exchange();
        assertThat(texts()).containsExactly("three", "one", "two");
        mvc.post().uri("/admin/quick-entries/{id}/move-up", idAt(1)).with(user(as(admin))).with(csrf()).exchange();
        mvc.post().uri("/admin/quick-entries/{id}/move-down", idAt(3)).with(user(as(admin))).with(csrf()).exchange();
        assertThat(texts()).containsExactly("three", "one", "two");
        assertThat(positions()).containsExactly(1, 2, 3);
    }

    @Test
    void deletingAsksFirstThenClosesTheGap() {
        Staff admin = newAdmin();
        add(admin, "one");
        add(admin, "two");
        add(admin, "three");
        long two = idAt(2);
        assertThat(mvc.get().uri("/admin/quick-entries/{id}/delete", two).with(user(as(admin)))).hasStatusOk()
                .bodyText().contains("Delete this Quick Entry?", ">two</blockquote>");
        assertThat(texts()).hasSize(3);

        assertThat(mvc.post().uri("/admin/quick-entries/{id}/delete", two).with(user(as(admin))).with(csrf()))
                .hasRedirectedUrl("/admin/quick-entries").flash().containsKey("flash");
        assertThat(texts()).containsExactly("one", "three");
        assertThat(positions()).containsExactly(1, 2);
        add(admin, "four");
        assertThat(positions()).containsExactly(1, 2, 3);
    }

    @Test
    void anUnknownQuickEntryIs404() {
        Staff admin = newAdmin();
        assertThat(mvc.get().uri("/admin/quick-entries/999999/edit").with(user(as(admin)))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/admin/quick-entries/999999/delete").with(user(as(admin))).with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/admin/quick-entries/999999/move-up").with(user(as(admin))).with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void caseworkersGet403OnEveryQuickEntryAdminAddress() {
        Staff admin = newAdmin();
        add(admin, "one");
        long id = idAt(1);
        Staff casey = newCaseworker();
        assertThat(mvc.get().uri("/admin/quick-entries").with(user(as(casey)))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/quick-entries/new").with(user(as(casey)))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(add(casey, "sneaky")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/quick-entries/{id}/edit", id).with(user(as(casey))).with(csrf())
                .param("text", "sneaky").param("version", "0")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/quick-entries/{id}/delete", id).with(user(as(casey))).with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/quick-entries/{id}/move-down", id).with(user(as(casey))).with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(texts()).containsExactly("one");
    }

    @Test
    void everyoneElseReadsTheListThroughTheService() {
        Staff admin = newAdmin();
        add(admin, "Hi {first_name}, call {staff_name}.");
        QuickEntryView entry = quickEntryService.listQuickEntries().get(0);
        assertThat(entry.position()).isEqualTo(1);
        assertThat(quickEntryService.findQuickEntry(entry.id())).isEqualTo(entry);
        assertThat(entry.filledWith(new PlaceholderValues("Maria", null, null, "Casey Worker")))
                .isEqualTo("Hi Maria, call Casey Worker.");
    }
}
