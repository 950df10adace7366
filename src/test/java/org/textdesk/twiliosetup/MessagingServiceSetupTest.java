package org.textdesk.twiliosetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.textdesk.twiliosetup.TwilioSetupPageTest.completeForm;
import static org.textdesk.twiliosetup.TwilioSetupPageTest.text;
import static org.textdesk.twiliosetup.TwilioSetupPageTest.with;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.FakeTwilio;
import org.textdesk.FakeTwilio.Answer;
import org.textdesk.IntegrationTest;
import org.textdesk.staff.Staff;

/**
 * Twilio Setup's optional Messaging Service SID: saved when it is MG and 32 hexadecimal characters (empty: none),
 * refused with a message otherwise, and fetched from Twilio's Messaging API v1 by "Test connection".
 */
class MessagingServiceSetupTest extends IntegrationTest {

    static final String SID = TwilioSetupFixture.ACCOUNT_SID;
    static final String SERVICE = TwilioSetupFixture.MESSAGING_SERVICE_SID;
    static final String INVALID = "A Messaging Service SID is MG followed by 32 letters a to f and digits, for example "
            + "MG0123456789abcdef0123456789abcdef. Copy it from the Twilio console (Messaging > Services), or leave the "
            + "field empty to send without a Messaging Service.";

    MvcTestResult post(String path, Staff admin, Map<String, String> form) {
        MockMvcRequestBuilder request = mvc.post().uri(path).with(user(as(admin))).with(csrf());
        form.forEach(request::param);
        return request.exchange();
    }

    String savedService() {
        return jdbc.queryForObject("select messaging_service_sid from twilio_settings", String.class);
    }

    @Test
    void aMessagingServiceSidIsSavedAndShownAgain() {
        Staff admin = newAdmin();
        MvcTestResult saved = post("/admin/twilio", admin, with(completeForm(), "messagingServiceSid", " " + SERVICE + " "));
        assertThat(saved).hasRedirectedUrl("/admin/twilio");
        assertThat(savedService()).isEqualTo(SERVICE);
        assertThat(twilioSetupService.currentSetup().messagingServiceSid()).isEqualTo(SERVICE);

        MvcTestResult page = mvc.get().uri("/admin/twilio").with(user(as(admin))).exchange();
        assertThat(text(page)).contains("Messaging Service SID", "value=\"" + SERVICE + "\"",
                "Optional. The Messaging Service your Twilio # belongs to");
    }

    @Test
    void anEmptyMessagingServiceSidMeansNone() {
        Staff admin = newAdmin();
        post("/admin/twilio", admin, with(completeForm(), "messagingServiceSid", SERVICE));
        long version = jdbc.queryForObject("select version from twilio_settings", Long.class);
        MvcTestResult cleared = post("/admin/twilio", admin, with(with(with(completeForm(), "messagingServiceSid", "  "),
                "version", String.valueOf(version)), "authToken", ""));
        assertThat(cleared).hasRedirectedUrl("/admin/twilio");
        assertThat(savedService()).isNull();
        assertThat(twilioSetupService.currentSetup().usesMessagingService()).isFalse();
    }

    @Test
    void savingAsTextDeskKeepsTheServiceOfTheSameAccountOnly() {
        configureTwilio();
        TwilioSetupFixture.useMessagingService(twilioSetupService, SERVICE);
        twilioSetupService.saveAsTextDesk(SID, null, "https://texts.example.org/twilio/status",
                TwilioSetupFixture.TWILIO_NUMBER);
        assertThat(savedService()).isEqualTo(SERVICE);

        // a service belongs to one account: another account's setup starts without it
        twilioSetupService.saveAsTextDesk("ACfeedfacefeedfacefeedfacefeedface", "0123456789abcdef0123456789abcdef",
                "https://texts.example.org/twilio/status", "+14045550100");
        assertThat(savedService()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MG123", "mg0123456789abcdef0123456789abcdef", "PN0123456789abcdef0123456789abcdef",
            "MG0123456789abcdef0123456789abcdeg", "MG0123456789abcdef0123456789abcdef0", "MG 0123456789abcdef0123456789abcdef",
            "AC0123456789abcdef0123456789abcdef"})
    void aMalformedMessagingServiceSidIsRefusedBesideItsFieldAndTheFormKeepsIt(String typed) {
        Staff admin = newAdmin();
        MvcTestResult refused = post("/admin/twilio", admin, with(completeForm(), "messagingServiceSid", typed));
        assertThat(refused).hasStatusOk().model().extractingBindingResult("setupForm")
                .hasFieldErrors("messagingServiceSid");
        assertThat(text(refused)).contains(INVALID, "value=\"" + typed + "\"", "Please correct the fields marked below.");
        assertThat(jdbc.queryForObject("select count(*) from twilio_settings", Integer.class)).isZero();
    }

    @Test
    void testConnectionNamesTheMessagingServiceAndFindsTheTwilioNumberAmongItsSenders() {
        fakeTwilio.acceptCredentials(SID, TwilioSetupFixture.AUTH_TOKEN, "Kemp's Case Works");
        fakeTwilio.serveMessagingService(SERVICE, SID, "Caseworkers' texts", "+14045550199", "+14044764365");
        MvcTestResult result = post("/admin/twilio/test", newAdmin(), with(completeForm(), "messagingServiceSid", SERVICE));

        assertThat(text(result)).contains("Connection works: Twilio accepted the Account SID and Auth Token of the "
                + "account “Kemp's Case Works”.", "Messaging Service “Caseworkers' texts” found (" + SERVICE
                + "): texts will go out through it, and the Twilio number 404-476-4365 is one of its senders.");
        assertThat(fakeTwilio.requests()).extracting(FakeTwilio.RecordedRequest::path)
                .containsExactly("/2010-04-01/Accounts/" + SID + ".json", "/v1/Services/" + SERVICE,
                        "/v1/Services/" + SERVICE + "/PhoneNumbers");
        FakeTwilio.RecordedRequest fetch = fakeTwilio.requests("GET", FakeTwilio.MESSAGING_SERVICE_PATH).get(0);
        assertThat(fetch.basicUsername()).isEqualTo(SID);
        assertThat(fetch.basicPassword()).isEqualTo(TwilioSetupFixture.AUTH_TOKEN);
        assertThat(jdbc.queryForObject("select count(*) from twilio_settings", Integer.class)).isZero();
    }

    @Test
    void testConnectionWarnsWhenTheTwilioNumberIsNotOneOfTheServicesSenders() {
        fakeTwilio.acceptCredentials(SID, TwilioSetupFixture.AUTH_TOKEN);
        fakeTwilio.serveMessagingService(SERVICE, SID, "Caseworkers' texts", "+14045550199");
        MvcTestResult result = post("/admin/twilio/test", newAdmin(), with(completeForm(), "messagingServiceSid", SERVICE));

        assertThat(text(result)).contains("Messaging Service “Caseworkers' texts” found (" + SERVICE + "), but the "
                + "Twilio number 404-476-4365 is not one of its senders: TextDesk sends through the service from the "
                + "Twilio number, and Twilio refuses a From that is not in the service's Sender Pool. Add 404-476-4365 to the service's Sender Pool in the Twilio console (Messaging "
                + "> Services > Caseworkers' texts > Sender Pool), or type one of its numbers here.");
        assertThat(text(result)).contains("class=\"connection-check messaging-service-check bad\"");
    }

    @Test
    void testConnectionStillNamesTheServiceWhenItsSendersCannotBeListed() {
        fakeTwilio.acceptCredentials(SID, TwilioSetupFixture.AUTH_TOKEN);
        fakeTwilio.serveMessagingService(SERVICE, SID, "Caseworkers' texts");
        fakeTwilio.answer("GET", "/v1/Services/{ServiceSid}/PhoneNumbers", Answer.dropConnection());
        MvcTestResult result = post("/admin/twilio/test", newAdmin(), with(completeForm(), "messagingServiceSid", SERVICE));

        assertThat(text(result)).contains("Messaging Service “Caseworkers' texts” found (" + SERVICE
                + "): texts will go out through it.");
        assertThat(text(result)).doesNotContain("one of its senders");
    }

    @Test
    void testConnectionExplainsAServiceTwilioDoesNotHaveInTheAccount() {
        fakeTwilio.acceptCredentials(SID, TwilioSetupFixture.AUTH_TOKEN);
        // a service of another account: Twilio answers 404 (20404) to this account's credentials
        fakeTwilio.serveMessagingService(SERVICE, "AC99999999999999999999999999999999", "Someone else's");
        MvcTestResult result = post("/admin/twilio/test", newAdmin(), with(completeForm(), "messagingServiceSid", SERVICE));

        assertThat(text(result)).contains("Connection works", "Twilio has no Messaging Service " + SERVICE
                + " in account " + SID + ". Check the SID in the Twilio console (Messaging > Services): Twilio answers "
                + "the same for a service that belongs to another account or subaccount.");
        assertThat(text(result)).contains("class=\"connection-check messaging-service-check bad\"");
    }

    @Test
    void testConnectionSaysWhenTwilioCouldNotBeReachedForTheService() {
        fakeTwilio.acceptCredentials(SID, TwilioSetupFixture.AUTH_TOKEN);
        fakeTwilio.answer("GET", FakeTwilio.MESSAGING_SERVICE_PATH, Answer.dropConnection());
        MvcTestResult result = post("/admin/twilio/test", newAdmin(), with(completeForm(), "messagingServiceSid", SERVICE));

        assertThat(text(result)).contains("Connection works", "The Messaging Service " + SERVICE
                + " could not be checked: the connection to Twilio at " + fakeTwilio.baseUrl()
                + " failed without an answer. Try again in a minute.");
    }

    @Test
    void testConnectionSaysWhenTheServiceBelongsToAnotherAccount() {
        fakeTwilio.acceptCredentials(SID, TwilioSetupFixture.AUTH_TOKEN);
        // a Twilio-compatible API that answers with the service of a parent account
        fakeTwilio.answer("GET", FakeTwilio.MESSAGING_SERVICE_PATH, Answer.json(200,
                FakeTwilio.messagingServiceJson(SERVICE, "AC99999999999999999999999999999999", "Parent's")));
        MvcTestResult result = post("/admin/twilio/test", newAdmin(), with(completeForm(), "messagingServiceSid", SERVICE));

        assertThat(text(result)).contains("The Messaging Service " + SERVICE + " belongs to account "
                + "AC99999999999999999999999999999999, not to account " + SID + ": texts cannot go out through it.");
    }

    @Test
    void testConnectionWithRefusedCredentialsDoesNotAskForTheService() {
        MvcTestResult result = post("/admin/twilio/test", newAdmin(), with(completeForm(), "messagingServiceSid", SERVICE));
        assertThat(text(result)).contains("Twilio refused this Account SID and Auth Token (Twilio error 20003).")
                .doesNotContain("Messaging Service " + SERVICE);
        assertThat(fakeTwilio.requests()).extracting(FakeTwilio.RecordedRequest::path)
                .containsExactly("/2010-04-01/Accounts/" + SID + ".json");
    }

    @Test
    void testConnectionWithAMalformedServiceSidAsksNothingAndSaysWhyBesideTheField() {
        fakeTwilio.acceptCredentials(SID, TwilioSetupFixture.AUTH_TOKEN);
        MvcTestResult result = post("/admin/twilio/test", newAdmin(), with(completeForm(), "messagingServiceSid", "MG42"));
        assertThat(result).model().extractingBindingResult("setupForm").hasFieldErrors("messagingServiceSid");
        assertThat(text(result)).contains(INVALID, "value=\"MG42\"");
        assertThat(fakeTwilio.requests()).isEmpty();
    }
}
