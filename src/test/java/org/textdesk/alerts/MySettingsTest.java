package org.textdesk.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.inbox.IncomingTexts;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/** My settings on PostgreSQL, in the application as it runs without a mail server (no spring.mail.host). */
class MySettingsTest extends IntegrationTest {

    @Autowired
    EmailAlerts emailAlerts;

    @Autowired
    ClientService clientService;

    @Autowired
    IncomingTexts incomingTexts;

    Staff casey;

    @BeforeEach
    void caseworker() {
        casey = newCaseworker();
    }

    private MvcTestResult post(String email, String alertAfter) {
        return mvc.post().uri("/settings").with(user(as(casey))).with(csrf())
                .param("email", email).param("alertAfter", alertAfter).exchange();
    }

    @Test
    void savesMyEmailAndAlertChoiceAndShowsThemAgain() {
        MvcTestResult saved = post("  casey@agency.example.org ", "4");
        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/settings");
        assertThat(followRedirect(saved, as(casey))).bodyText().contains("Your settings are saved.")
                .contains("value=\"casey@agency.example.org\"")
                .containsPattern("<option value=\"4\" selected=\"selected\">More than 4 hours</option>");
        assertThat(jdbc.queryForObject("select email from staff where id = ?", String.class, casey.getId()))
                .isEqualTo("casey@agency.example.org");
        assertThat(jdbc.queryForObject("select after_hours from email_alerts where staff_id = ?", Integer.class,
                casey.getId())).isEqualTo(4);

        assertThat(post("casey@agency.example.org", "off")).hasStatus3xxRedirection();
        assertThat(jdbc.queryForObject("select count(*) from email_alerts", Long.class)).isZero();
    }

    @Test
    void alertsAreOffAtFirstAndThePageSaysWhenNoMailServerIsSet() {
        String page = countedGet("/settings", casey).result();
        assertThat(page).contains("My settings", "Your email address")
                .containsPattern("<option value=\"off\" selected=\"selected\">Off</option>")
                .contains("Email alerts are not set up on this TextDesk (no mail server)");
        assertThat(page).contains("href=\"/settings\"");
    }

    @Test
    void badInputIsRefusedBesideItsFieldKeepingWhatWasTypedAndSavingNothing() {
        assertThat(post("casey@", "2")).hasStatusOk().bodyText()
                .contains("Enter an email address such as casey@example.org.").contains("value=\"casey@\"");
        assertThat(post("a".repeat(250) + "@x.org", "2")).hasStatusOk().bodyText()
                .contains("An email address has at most 254 characters.");
        assertThat(post("casey@agency.example.org", "3")).hasStatusOk().bodyText()
                .contains("Choose Off or one of the waits offered.").contains("value=\"casey@agency.example.org\"");
        assertThat(post("casey@agency.example.org", "<script>")).hasStatusOk().bodyText()
                .contains("Choose Off or one of the waits offered.").doesNotContain("<script>");
        assertThat(post("", "1")).hasStatusOk().bodyText()
                .contains("Enter your email address to get email alerts, or choose Off.");

        assertThat(jdbc.queryForObject("select email from staff where id = ?", String.class, casey.getId())).isNull();
        assertThat(jdbc.queryForObject("select count(*) from email_alerts", Long.class)).isZero();
    }

    @Test
    void withoutAMailServerTheJobSendsNothingEvenWhenAnAlertIsDue() {
        configureTwilio();
        ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        assertThat(post("casey@agency.example.org", "1")).hasStatus3xxRedirection();
        incomingTexts.receive(FakeTwilio.newMessageSid(), "+14045387319", TwilioSetupFixture.TWILIO_NUMBER,
                "Hello", null);

        assertThat(emailAlerts.mailConfigured()).isFalse();
        assertThat(emailAlerts.sendDue(Instant.now().plus(Duration.ofHours(5)))).isZero();
        assertThat(jdbc.queryForObject("select last_sent_at from email_alerts", Instant.class)).isNull();
    }
}
