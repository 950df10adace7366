package org.textdesk.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;
import org.textdesk.IntegrationTest;
import org.textdesk.staff.Staff;

/** The Languages page: admins add languages, English and Spanish come with TextDesk (issue 20, point 10). */
class LanguageAdminPageTest extends IntegrationTest {

    @Autowired
    Languages languages;

    private MvcTestResult add(Staff who, String name, String code) {
        return mvc.post().uri("/admin/languages").with(user(as(who))).with(csrf()).param("name", name)
                .param("code", code).exchange();
    }

    private static String html(MvcTestResult result) {
        try {
            return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private String names() {
        return String.join(", ", languages.listLanguages().stream().map(LanguageView::name).toList());
    }

    @Test
    void englishAndSpanishComeWithTextDeskAndAnAdminAddsOthers() {
        Staff admin = newAdmin();
        assertThat(languages.listLanguages()).containsExactly(new LanguageView(1, "English", "en"),
                new LanguageView(2, "Spanish", "es"));
        assertThat(html(mvc.get().uri("/admin/languages").with(user(as(admin))).exchange()))
                .containsSubsequence("<td>English</td>", "<td>en</td>", "<td>Spanish</td>", "<td>es</td>")
                .contains("<label for=\"name\">Name</label>", "<label for=\"code\">Code (optional)</label>");

        MvcTestResult added = add(admin, " Vietnamese ", "vi");
        assertThat(added).hasRedirectedUrl("/admin/languages");
        assertThat(html(followRedirect(added, as(admin))))
                .contains("Vietnamese added. Clients can now prefer it, and Quick Entries can have a version in it.")
                .containsSubsequence("<td>English</td>", "<td>Spanish</td>", "<td>Vietnamese</td>", "<td>vi</td>");
        assertThat(add(admin, "Amharic", "")).hasRedirectedUrl("/admin/languages");
        assertThat(names()).isEqualTo("English, Amharic, Spanish, Vietnamese");
        assertThat(jdbc.queryForList("select code from languages order by id", String.class))
                .containsExactly("en", "es", "vi", null);
        assertThat(html(mvc.get().uri("/admin/languages").with(user(as(admin))).exchange()))
                .containsSubsequence("<td>Amharic</td>", "<td>none</td>");
    }

    @Test
    void aNameOrCodeAlreadyInTheListIsRefusedWhateverItsCase() {
        Staff admin = newAdmin();
        MvcTestResult sameName = add(admin, "spanish", "");
        assertThat(sameName).hasStatusOk().model().extractingBindingResult("languageForm").hasFieldErrors("name");
        assertThat(html(sameName)).contains("spanish is already in the list.").contains("value=\"spanish\"");

        MvcTestResult sameCode = add(admin, "Castilian", "ES");
        assertThat(sameCode).hasStatusOk().model().extractingBindingResult("languageForm").hasFieldErrors("code");
        assertThat(html(sameCode)).contains("es is already the code of another language.")
                .contains("value=\"Castilian\"", "value=\"ES\"");

        assertThat(add(admin, "Vietnamese", "vi")).hasStatus3xxRedirection();
        assertThat(html(add(admin, "VIETNAMESE", ""))).contains("VIETNAMESE is already in the list.");
        assertThat(names()).isEqualTo("English, Spanish, Vietnamese");
    }

    @Test
    void aBadNameOrCodeIsRefusedPlainlyAndNothingIsAdded() {
        Staff admin = newAdmin();
        assertThat(html(add(admin, "  ", "vi"))).contains("Enter the language's name, such as Vietnamese.");
        assertThat(html(add(admin, "V".repeat(41), ""))).contains("The name can be at most 40 characters.");
        assertThat(html(add(admin, "<script>alert(1)</script>", ""))).contains(
                "A language's name is made of letters, with spaces, hyphens, apostrophes or brackets between them, "
                        + "such as Haitian Creole.");
        assertThat(html(add(admin, "Vietnamese", "vi_VN"))).contains(
                "A code is two or three letters, optionally followed by a hyphen and a region, such as vi or pt-BR.");
        MvcTestResult unknownCode = add(admin, "Vietnamese", "xx");
        assertThat(unknownCode).hasStatusOk().model().extractingBindingResult("languageForm").hasFieldErrors("code");
        assertThat(html(unknownCode)).contains(
                "xx is not a language code. Use a code such as vi for Vietnamese, or leave it empty.")
                .contains("aria-describedby=\"code-hint code-error\"");
        assertThat(names()).isEqualTo("English, Spanish");
    }

    @Test
    void caseworkersGet403AndChangeNothing() {
        Staff casey = newCaseworker();
        assertThat(mvc.get().uri("/admin/languages").with(user(as(casey)))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(add(casey, "Vietnamese", "vi")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/languages").param("name", "Vietnamese")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(names()).isEqualTo("English, Spanish");
    }
}
