package org.textdesk.twiliosetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.textdesk.twiliosetup.TwilioSetupPageTest.completeForm;
import static org.textdesk.twiliosetup.TwilioSetupPageTest.html;
import static org.textdesk.twiliosetup.TwilioSetupPageTest.text;
import static org.textdesk.twiliosetup.TwilioSetupPageTest.with;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.FakeTwilio;
import org.textdesk.FakeTwilio.Answer;
import org.textdesk.IntegrationTest;
import org.textdesk.staff.Staff;

/** The "Test connection" button: the typed credentials (or the saved token) against FakeTwilio. */
@ExtendWith(OutputCaptureExtension.class)
class TestConnectionPageTest extends IntegrationTest {

    static final String SID = TwilioSetupFixture.ACCOUNT_SID;
    static final String TOKEN = TwilioSetupFixture.AUTH_TOKEN;
    static final String WRONG_TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    MvcTestResult testConnection(Staff admin, Map<String, String> form) {
        MockMvcRequestBuilder request = mvc.post().uri("/admin/twilio/test").with(user(as(admin))).with(csrf());
        form.forEach(request::param);
        return request.exchange();
    }

    @Test
    void typedCredentialsThatTwilioAcceptsAreReportedOkAndNothingIsSaved() {
        fakeTwilio.acceptCredentials(SID, TOKEN, "Kemp's Case Works");
        Staff admin = newAdmin();
        MvcTestResult result = testConnection(admin, with(completeForm(), "callResponse", "Typed but not saved."));
        assertThat(result).hasStatusOk();
        assertThat(text(result))
                .contains("Connection works: Twilio accepted the Account SID and Auth Token of the account “Kemp's Case Works”.")
                .contains("The Auth Token you typed was used for this test but is not saved")
                .contains("value=\"" + SID + "\"", "Typed but not saved.</textarea>", "value=\"404-476-4365\"");
        assertThat(html(result)).doesNotContain(TOKEN);
        assertThat(fakeTwilio.requests()).singleElement().satisfies(request -> {
            assertThat(request.basicUsername()).isEqualTo(SID);
            assertThat(request.basicPassword()).isEqualTo(TOKEN);
        });
        assertThat(jdbc.queryForObject("select count(*) from twilio_settings", Integer.class)).isZero();
    }

    @Test
    void withTheTokenFieldEmptyTheSavedTokenIsTested() {
        configureTwilio();
        Staff admin = newAdmin();
        MvcTestResult result = testConnection(admin, with(completeForm(), "authToken", ""));
        assertThat(text(result)).contains("Connection works").doesNotContain("The Auth Token you typed");
        assertThat(fakeTwilio.requests()).singleElement()
                .satisfies(request -> assertThat(request.basicPassword()).isEqualTo(TOKEN));
        assertThat(html(result)).doesNotContain(TOKEN);
    }

    @Test
    void refusedCredentialsAreSaidPlainlyAndTheTokenIsNeitherInThePageNorInTheLog(CapturedOutput output) {
        fakeTwilio.acceptCredentials(SID, TOKEN);
        Staff admin = newAdmin();
        MvcTestResult result = testConnection(admin, with(completeForm(), "authToken", WRONG_TOKEN));
        assertThat(text(result)).contains("Twilio refused this Account SID and Auth Token (Twilio error 20003).");
        assertThat(html(result)).doesNotContain(WRONG_TOKEN);
        assertThat(output).contains("Twilio connection test for account " + SID)
                .doesNotContain(WRONG_TOKEN).doesNotContain(TOKEN);
    }

    @Test
    void anUnreachableApiIsSaidPlainlyAndTheTokenStaysOutOfTheLog(CapturedOutput output) {
        fakeTwilio.answer("GET", FakeTwilio.ACCOUNT_PATH, Answer.dropConnection());
        Staff admin = newAdmin();
        MvcTestResult result = testConnection(admin, completeForm());
        assertThat(text(result)).contains("TextDesk could not reach Twilio at " + fakeTwilio.baseUrl());
        assertThat(html(result)).doesNotContain(TOKEN);
        assertThat(output).contains("network failure").doesNotContain(TOKEN);
    }

    @Test
    void aServerErrorIsSaidWithItsStatusAndCode() {
        fakeTwilio.answer("GET", FakeTwilio.ACCOUNT_PATH, Answer.twilioError(500, 20500, "Internal Server Error"));
        MvcTestResult result = testConnection(newAdmin(), completeForm());
        assertThat(text(result)).contains("Twilio answered with an error: HTTP status 500, Twilio error 20500.");
    }

    @Test
    void withoutAnAccountSidOrAnyTokenNothingIsAskedAndTheFieldSaysWhy() {
        Staff admin = newAdmin();
        MvcTestResult noSid = testConnection(admin, with(completeForm(), "accountSid", ""));
        assertThat(noSid).model().extractingBindingResult("setupForm").hasFieldErrors("accountSid");
        assertThat(text(noSid)).contains("Enter the Account SID to test the connection.");

        MvcTestResult badSid = testConnection(admin, with(completeForm(), "accountSid", "AC944bf"));
        assertThat(text(badSid)).contains("An Account SID is AC followed by 32 letters a to f and digits")
                .contains("value=\"AC944bf\"");

        MvcTestResult noToken = testConnection(admin, with(completeForm(), "authToken", ""));
        assertThat(noToken).model().extractingBindingResult("setupForm").hasFieldErrors("authToken");
        assertThat(text(noToken)).contains("Enter the Auth Token to test the connection: none is saved yet.");
        assertThat(fakeTwilio.requests()).isEmpty();
    }
}
