package org.textdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;

/**
 * Password guessing is slowed down: five failed logins for one username within fifteen minutes lock
 * it for fifteen minutes, the right password included, whether or not an account has that username (a right
 * password is not counted but forgives nothing);
 * the lock is in the database (every instance sees it); failures are logged with the username only.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest extends IntegrationTest {

    private static final String WRONG = "wrong password 1";

    @Test
    void fourFailuresStillLetTheRightPasswordInWhichIsNotCountedButForgivesNothing() {
        Staff casey = newCaseworker();
        failTimes(casey.getUsername(), 4);
        assertThat(logIn(casey.getUsername(), STAFF_PASSWORD)).hasRedirectedUrl("/");
        assertThat(logIn(casey.getUsername(), STAFF_PASSWORD)).hasRedirectedUrl("/");
        failTimes(casey.getUsername(), 1);
        assertThat(logIn(casey.getUsername(), STAFF_PASSWORD)).hasRedirectedUrl("/login?locked");
    }

    @Test
    void theFifthFailureLocksTheUsernameEvenForTheRightPassword() {
        Staff casey = newCaseworker();
        failTimes(casey.getUsername(), 4);
        assertThat(logIn(casey.getUsername(), WRONG)).hasRedirectedUrl("/login?error");
        assertThat(logIn(casey.getUsername(), STAFF_PASSWORD)).hasRedirectedUrl("/login?locked");
        assertThat(logIn(casey.getUsername().toUpperCase() + " ", STAFF_PASSWORD)).hasRedirectedUrl("/login?locked");
        assertThat(mvc.get().uri("/login?locked")).hasStatusOk().bodyText()
                .contains("Too many failed logins with this username")
                .doesNotContain("Wrong username or password");
    }

    @Test
    void anotherUsernameIsNotLocked() {
        Staff casey = newCaseworker();
        Staff sam = newCaseworker();
        failTimes(casey.getUsername(), 5);
        assertThat(logIn(sam.getUsername(), STAFF_PASSWORD)).hasRedirectedUrl("/");
    }

    @Test
    void anUnknownUsernameIsLockedTheSameWaySoTheLockRevealsNothing() {
        Staff casey = newCaseworker();
        failTimes("nobody-here", 5);
        failTimes(casey.getUsername(), 5);
        MvcTestResult unknown = logIn("nobody-here", STAFF_PASSWORD);
        MvcTestResult known = logIn(casey.getUsername(), STAFF_PASSWORD);
        assertThat(unknown).hasRedirectedUrl("/login?locked");
        assertThat(known).hasRedirectedUrl(unknown.getMvcResult().getResponse().getRedirectedUrl());
    }

    @Test
    void theLockEndsFifteenMinutesAfterTheFailureThatCausedIt() {
        Staff casey = newCaseworker();
        failTimes(casey.getUsername(), 5);
        assertThat(logIn(casey.getUsername(), STAFF_PASSWORD)).hasRedirectedUrl("/login?locked");
        jdbc.update("update login_failures set failed_at = failed_at - interval '14 minutes'");
        assertThat(logIn(casey.getUsername(), STAFF_PASSWORD)).hasRedirectedUrl("/login?locked");
        jdbc.update("update login_failures set failed_at = failed_at - interval '2 minutes'");
        assertThat(logIn(casey.getUsername(), STAFF_PASSWORD)).hasRedirectedUrl("/");
        assertThat(jdbc.queryForObject("select count(*) from login_failures", Integer.class)).isEqualTo(5);
    }

    @Test
    void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
        Staff casey = newCaseworker();
        failTimes(casey.getUsername(), 4);
        jdbc.update("update login_failures set failed_at = failed_at - interval '16 minutes'");
        failTimes(casey.getUsername(), 1);
        assertThat(logIn(casey.getUsername(), STAFF_PASSWORD)).hasRedirectedUrl("/");
    }

    @Test
    void theLockIsKeptInTheDatabaseForEveryInstance() {
        Staff casey = newCaseworker();
        failTimes(casey.getUsername(), 5);
        assertThat(jdbc.queryForList("select username from login_failures", String.class))
                .containsOnly(casey.getUsername()).hasSize(5);
    }

    @Test
    void failuresAreLoggedWithTheUsernameButNeverThePassword(CapturedOutput output) {
        Staff casey = newCaseworker();
        failTimes(casey.getUsername(), 5);
        logIn(casey.getUsername(), STAFF_PASSWORD);
        assertThat(output).contains("Failed login for username \"" + casey.getUsername() + "\" (1 of the 5")
                .contains("5 failures within 15 minutes, so logins with it are locked for 15 minutes")
                .contains("Login for username \"" + casey.getUsername() + "\" refused without checking the password")
                .doesNotContain(WRONG).doesNotContain(STAFF_PASSWORD);
    }

    @Test
    void aUsernameCannotForgeALogLine(CapturedOutput output) {
        logIn("evil\nINFO forged line\r", WRONG);
        assertThat(output).contains("Failed login for username \"evil?info forged line").doesNotContain("\nINFO forged");
    }

    private void failTimes(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(logIn(username, WRONG)).hasRedirectedUrl("/login?error");
        }
    }

    private MvcTestResult logIn(String username, String password) {
        return mvc.perform(formLogin("/login").user(username).password(password));
    }
}
