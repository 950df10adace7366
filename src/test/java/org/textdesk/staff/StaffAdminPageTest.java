package org.textdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.IntegrationTest;

class StaffAdminPageTest extends IntegrationTest {

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    StaffRepository staffRepository;

    @Test
    void anAdminSeesEveryStaffMember() {
        Staff admin = newAdmin();
        Staff casey = newCaseworker();
        assertThat(mvc.get().uri("/admin/staff").with(user(as(admin)))).hasStatusOk().bodyText()
                .contains(admin.getDisplayName(), casey.getDisplayName(), "Caseworker", "Admin");
    }

    @Test
    void anAdminAddsACaseworkerWhoCanThenLogIn() {
        Staff admin = newAdmin();
        assertThat(mvc.post().uri("/admin/staff/new").with(user(as(admin))).with(csrf())
                .param("username", "Maria.Lopez").param("displayName", "María López").param("role", "CASEWORKER")
                .param("password", "a long enough password"))
                .hasRedirectedUrl("/admin/staff").flash().containsKey("flash");
        Staff maria = staffRepository.findByUsernameIgnoreCase("maria.lopez").orElseThrow();
        assertThat(maria.getDisplayName()).isEqualTo("María López");
        assertThat(maria.getRole()).isEqualTo(Role.CASEWORKER);
        assertThat(maria.getPasswordHash()).startsWith("$2").doesNotContain("a long enough password");
        assertThat(passwordEncoder.matches("a long enough password", maria.getPasswordHash())).isTrue();
    }

    @Test
    void anAdminGivesTheNewAccountAnEmailAddressOrABadOneIsRefused() {
        Staff admin = newAdmin();
        long before = staffRepository.count();
        assertThat(mvc.post().uri("/admin/staff/new").with(user(as(admin))).with(csrf())
                .param("username", "sam").param("displayName", "Sam Lee").param("role", "CASEWORKER")
                .param("password", "a long enough password").param("email", "sam@@agency"))
                .hasStatusOk().bodyText()
                .contains("Enter an email address such as casey@example.org.")
                .contains("value=\"sam@@agency\"", "value=\"Sam Lee\"");
        assertThat(staffRepository.count()).isEqualTo(before);

        assertThat(mvc.post().uri("/admin/staff/new").with(user(as(admin))).with(csrf())
                .param("username", "sam").param("displayName", "Sam Lee").param("role", "CASEWORKER")
                .param("password", "a long enough password").param("email", " sam@agency.example.org "))
                .hasRedirectedUrl("/admin/staff");
        assertThat(staffRepository.findByUsernameIgnoreCase("sam").orElseThrow().getEmail())
                .isEqualTo("sam@agency.example.org");
    }

    @Test
    void aShortPasswordIsRefusedBesideTheFieldAndTheRestIsKept() {
        Staff admin = newAdmin();
        long before = staffRepository.count();
        assertThat(mvc.post().uri("/admin/staff/new").with(user(as(admin))).with(csrf())
                .param("username", "shorty").param("displayName", "Shorty Person").param("role", "ADMIN")
                .param("password", "short"))
                .hasStatusOk().bodyText()
                .contains("The password must be at least 10 characters.")
                .contains("value=\"shorty\"", "value=\"Shorty Person\"");
        assertThat(mvc.post().uri("/admin/staff/new").with(user(as(admin))).with(csrf())
                .param("username", "shorty").param("displayName", "Shorty Person").param("role", "ADMIN")
                .param("password", "short")).model().extractingBindingResult("newStaffForm")
                .hasFieldErrors("password");
        assertThat(staffRepository.count()).isEqualTo(before);
    }

    @Test
    void aTakenUsernameAndABadUsernameAreRefused() {
        Staff admin = newAdmin();
        assertThat(mvc.post().uri("/admin/staff/new").with(user(as(admin))).with(csrf())
                .param("username", admin.getUsername().toUpperCase()).param("displayName", "Twin")
                .param("role", "CASEWORKER").param("password", STAFF_PASSWORD))
                .hasStatusOk().bodyText().contains("This username is already taken.");
        assertThat(mvc.post().uri("/admin/staff/new").with(user(as(admin))).with(csrf())
                .param("username", "a b<c>").param("displayName", "").param("role", "CASEWORKER")
                .param("password", STAFF_PASSWORD))
                .hasStatusOk().bodyText()
                .contains("Use 3 to 64 letters, digits, dots, dashes or underscores.")
                .contains("Enter the name shown to other staff.");
        assertThat(staffRepository.count()).isEqualTo(1);
    }

    @Test
    void anUnknownRoleIsABadRequestNotAnError() {
        Staff admin = newAdmin();
        assertThat(mvc.post().uri("/admin/staff/new").with(user(as(admin))).with(csrf())
                .param("username", "rolly").param("displayName", "Rolly").param("role", "OWNER")
                .param("password", STAFF_PASSWORD))
                .hasStatusOk().model().extractingBindingResult("newStaffForm").hasFieldErrors("role");
        assertThat(staffRepository.existsByUsernameIgnoreCase("rolly")).isFalse();
    }

    @Test
    void anAdminDisablesAndReenablesAnAccount() {
        Staff admin = newAdmin();
        Staff casey = newCaseworker();
        assertThat(mvc.post().uri("/admin/staff/{id}/enabled", casey.getId()).with(user(as(admin))).with(csrf())
                .param("enabled", "false")).hasRedirectedUrl("/admin/staff");
        assertThat(staffService.findStaff(casey.getId()).isEnabled()).isFalse();
        assertThat(mvc.post().uri("/admin/staff/{id}/enabled", casey.getId()).with(user(as(admin))).with(csrf())
                .param("enabled", "true")).hasRedirectedUrl("/admin/staff");
        assertThat(staffService.findStaff(casey.getId()).isEnabled()).isTrue();
    }

    @Test
    void anAdminCannotDisableTheirOwnAccount() {
        Staff admin = newAdmin();
        assertThat(mvc.post().uri("/admin/staff/{id}/enabled", admin.getId()).with(user(as(admin))).with(csrf())
                .param("enabled", "false")).hasRedirectedUrl("/admin/staff").flash().containsKey("flash");
        assertThat(staffService.findStaff(admin.getId()).isEnabled()).isTrue();
    }

    @Test
    void anAdminChangesARoleButNotTheirOwn() {
        Staff admin = newAdmin();
        Staff casey = newCaseworker();
        assertThat(mvc.post().uri("/admin/staff/{id}/role", casey.getId()).with(user(as(admin))).with(csrf())
                .param("role", "ADMIN")).hasRedirectedUrl("/admin/staff").flash().containsKey("flash");
        assertThat(staffService.findStaff(casey.getId()).getRole()).isEqualTo(Role.ADMIN);

        assertThat(mvc.post().uri("/admin/staff/{id}/role", admin.getId()).with(user(as(admin))).with(csrf())
                .param("role", "CASEWORKER")).hasRedirectedUrl("/admin/staff");
        assertThat(staffService.findStaff(admin.getId()).getRole()).isEqualTo(Role.ADMIN);
        assertThat(mvc.post().uri("/admin/staff/{id}/role", casey.getId()).with(user(as(admin))).with(csrf())
                .param("role", "OWNER")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/admin/staff").with(user(as(admin)))).hasStatusOk().bodyText()
                .contains("New role", "Change role");
    }

    @Test
    void anAdminResetsAPassword() {
        Staff admin = newAdmin();
        Staff casey = newCaseworker();
        assertThat(mvc.post().uri("/admin/staff/{id}/password", casey.getId()).with(user(as(admin))).with(csrf())
                .param("password", "brand new passphrase")).hasRedirectedUrl("/admin/staff");
        String hash = staffRepository.findById(casey.getId()).orElseThrow().getPasswordHash();
        assertThat(passwordEncoder.matches("brand new passphrase", hash)).isTrue();

        assertThat(mvc.post().uri("/admin/staff/{id}/password", casey.getId()).with(user(as(admin))).with(csrf())
                .param("password", "tiny")).hasStatusOk().bodyText()
                .contains("The password must be at least 10 characters.");
        assertThat(staffRepository.findById(casey.getId()).orElseThrow().getPasswordHash()).isEqualTo(hash);
    }

    @Test
    void anUnknownStaffIdIs404() {
        assertThat(mvc.get().uri("/admin/staff/999999/password").with(user(as(newAdmin()))))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}
