package org.textdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.textdesk.IntegrationTest;

class LoginAndRolesTest extends IntegrationTest {

    @Test
    void aCaseworkerLogsInWithTheRightPassword() {
        Staff casey = newCaseworker();
        assertThat(mvc.perform(formLogin("/login").user(casey.getUsername()).password(STAFF_PASSWORD)))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
    }

    @Test
    void usernamesAreNotCaseSensitive() {
        Staff casey = newCaseworker();
        assertThat(mvc.perform(formLogin("/login").user(casey.getUsername().toUpperCase()).password(STAFF_PASSWORD)))
                .hasRedirectedUrl("/");
    }

    @Test
    void aWrongPasswordIsRefused() {
        Staff casey = newCaseworker();
        assertThat(mvc.perform(formLogin("/login").user(casey.getUsername()).password("not the password")))
                .hasRedirectedUrl("/login?error");
    }

    @Test
    void anUnknownUsernameIsRefusedTheSameWay() {
        assertThat(mvc.perform(formLogin("/login").user("nobody").password(STAFF_PASSWORD)))
                .hasRedirectedUrl("/login?error");
    }

    @Test
    void aDisabledAccountCannotLogIn() {
        Staff admin = newAdmin();
        Staff casey = newCaseworker();
        staffService.setEnabled(casey.getId(), false, as(admin));
        assertThat(mvc.perform(formLogin("/login").user(casey.getUsername()).password(STAFF_PASSWORD)))
                .hasRedirectedUrl("/login?error");
    }

    @Test
    void theLoginPageShowsAPlainMessageAfterAFailure() {
        assertThat(mvc.get().uri("/login?error")).hasStatusOk().bodyText()
                .contains("Wrong username or password");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        assertThat(mvc.get().uri("/")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
        assertThat(mvc.get().uri("/admin/staff")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
    }

    @Test
    void healthIsOpenAndNothingElseOfTheActuatorIs() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyText().contains("UP");
        assertThat(mvc.get().uri("/actuator/env").with(user(as(newAdmin())))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aCaseworkerGets403OnEveryAdminPageAndPost() {
        Staff casey = newCaseworker();
        Staff other = newCaseworker();
        assertThat(mvc.get().uri("/admin/staff").with(user(as(casey)))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/staff/new").with(user(as(casey)))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/staff/new").with(user(as(casey))).with(csrf())
                .param("username", "sneaky").param("displayName", "Sneaky").param("role", "ADMIN")
                .param("password", STAFF_PASSWORD)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/staff/{id}/enabled", other.getId()).with(user(as(casey))).with(csrf())
                .param("enabled", "false")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(staffService.listStaff()).extracting(Staff::getUsername).doesNotContain("sneaky");
        assertThat(staffService.findStaff(other.getId()).isEnabled()).isTrue();
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() {
        Staff admin = newAdmin();
        assertThat(mvc.post().uri("/admin/staff/new").with(user(as(admin)))
                .param("username", "nocsrf").param("displayName", "No Token").param("role", "CASEWORKER")
                .param("password", STAFF_PASSWORD)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(staffService.listStaff()).extracting(Staff::getUsername).doesNotContain("nocsrf");
        assertThat(mvc.post().uri("/logout").with(user(as(admin)))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void loggingOutEndsTheSession() {
        assertThat(mvc.post().uri("/logout").with(user(as(newCaseworker()))).with(csrf()))
                .hasRedirectedUrl("/login?logout");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        assertThat(mvc.get().uri("/login")).headers()
                .hasValue("X-Content-Type-Options", "nosniff")
                .containsHeader("Content-Security-Policy")
                .hasValue("Referrer-Policy", "same-origin");
        assertThat(mvc.get().uri("/login")).headers().extracting(h -> h.getFirst("Content-Security-Policy"))
                .asString().contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    }
}
