package org.textdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.IntegrationTest;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * On PostgreSQL without TEXTDESK_SANDBOX the sandbox is off: its endpoints answer 404, no page carries the
 * banner or the Client's phone button, Twilio Setup is untouched, and texts go to the configured Twilio API.
 */
class SandboxOffTest extends IntegrationTest {

    @Autowired
    ClientService clientService;

    @Test
    void theSandboxEndpointsAnswer404() {
        configureTwilio();
        String account = "/sandbox/twilio/2010-04-01/Accounts/ACfeedfacefeedfacefeedfacefeedface";
        assertThat(mvc.get().uri(account + ".json").with(httpBasic("ACfeedfacefeedfacefeedfacefeedface",
                TwilioSetupFixture.AUTH_TOKEN))).hasStatus(404);
        assertThat(mvc.post().uri(account + "/Messages.json").param("To", "+14045387319").param("Body", "Hi")
                .param("From", "+14044764365")).hasStatus(404);
        assertThat(mvc.get().uri(account + "/Messages.json")).hasStatus(404);
        assertThat(mvc.get().uri("/sandbox/twilio/v1/Services/MGfeedfacefeedfacefeedfacefeedface")).hasStatus(404);
        assertThat(jdbc.queryForObject("select count(*) from sandbox_messages", Integer.class)).isZero();
    }

    @Test
    void noBannerNoPhoneAndThePhonePageIs404() {
        configureTwilio();
        Staff casey = newCaseworker();
        Client jordan = ClientFixture.create(clientService, as(casey), "Jordan", "Avery", "404", "538-7319", true,
                true);
        assertThat(mvc.get().uri("/clients/{id}", jordan.getId()).with(user(as(casey)))).hasStatusOk()
                .bodyText().doesNotContain("Sandbox:").doesNotContain("Client's phone").doesNotContain("/phone");
        assertThat(mvc.get().uri("/clients/{id}/phone", jordan.getId()).with(user(as(casey)))).hasStatus(404);
        assertThat(mvc.post().uri("/clients/{id}/phone/texts", jordan.getId()).with(user(as(casey))).with(csrf())
                .param("body", "STOP")).hasStatus(404);
        assertThat(clientService.findClient(jordan.getId()).isOkayToText()).isTrue();
        assertThat(mvc.get().uri("/admin/twilio").with(user(as(newAdmin())))).hasStatusOk().bodyText()
                .doesNotContain("sandbox");
        assertThat(twilioSetupService.currentSetup().accountSid()).isEqualTo(TwilioSetupFixture.ACCOUNT_SID);
    }
}
