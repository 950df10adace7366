package org.textdesk.twiliosetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;
import org.textdesk.IntegrationTest;
import org.textdesk.staff.Staff;

class TwilioSetupPageTest extends IntegrationTest {

    static final String SID = TwilioSetupFixture.ACCOUNT_SID;
    static final String TOKEN = TwilioSetupFixture.AUTH_TOKEN;
    static final String OTHER_TOKEN = "5b7d9f1a3c5e7a9b2d4f6a8c0e2a4c6e";

    @Autowired
    AuthTokenCipher cipher;

    /** A complete, valid, enabled form; tests change one field at a time. */
    static Map<String, String> completeForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("enabled", "true");
        form.put("_enabled", "on");
        form.put("accountSid", SID);
        form.put("authToken", TOKEN);
        form.put("statusCallback", "https://texts.example.org/twilio/status");
        form.put("twilioNumber", "404-476-4365");
        form.put("textResponse", TwilioSetupFixture.TEXT_RESPONSE);
        form.put("callResponse", TwilioSetupFixture.CALL_RESPONSE);
        form.put("version", "");
        return form;
    }

    static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(form);
        changed.put(name, value);
        return changed;
    }

    MvcTestResult post(String path, Staff staff, Map<String, String> form) {
        MockMvcRequestBuilder request = mvc.post().uri(path).with(user(as(staff))).with(csrf());
        form.forEach(request::param);
        return request.exchange();
    }

    MvcTestResult saveSetup(Staff admin, Map<String, String> form) {
        return post("/admin/twilio", admin, form);
    }

    static String html(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page's text with HTML entities decoded, to compare with messages.properties wording. */
    static String text(MvcTestResult result) {
        return HtmlUtils.htmlUnescape(html(result));
    }

    int savedRows() {
        return jdbc.queryForObject("select count(*) from twilio_settings", Integer.class);
    }

    @Test
    void theEmptyPageShowsTheSeedLabelsHelpTextsAndThePrefilledStatusCallback() {
        Staff admin = newAdmin();
        MvcTestResult page = mvc.get().uri("/admin/twilio").with(user(as(admin))).exchange();
        assertThat(page).hasStatusOk();
        assertThat(text(page)).contains("Enabled", "Account SID", "Auth Token", "Status Callback", "Twilio #",
                "Text Response", "Call Response",
                "This must always be checked", "Twilio account SID", "Twilio account authtoken",
                "Web address for callback info from Twilio about the status of the text message",
                "Outgoing Twilio phone number", "Standard response sent to incoming texts",
                "Standard response to incoming calls", "Not set yet.", "Not saved yet")
                .contains("<label for=\"accountSid\">Account SID</label>", "<label for=\"twilioNumber\">Twilio #</label>",
                        "<label for=\"enabled1\">Enabled</label>")
                .contains("value=\"http://localhost/twilio/status\"")
                .contains("http://localhost/twilio/sms", "http://localhost/twilio/voice", "Test connection");
    }

    @Test
    void anAdminSavesACompleteSetupAndSeesWhoChangedItAndTheTokenEndingOnly() {
        Staff admin = newAdmin();
        Instant before = Instant.now().minusSeconds(1);
        assertThat(saveSetup(admin, completeForm())).hasRedirectedUrl("/admin/twilio").flash().containsKey("flash");

        Map<String, Object> row = jdbc.queryForMap("select * from twilio_settings");
        assertThat(row.get("enabled")).isEqualTo(true);
        assertThat(row.get("account_sid")).isEqualTo(SID);
        assertThat(row.get("twilio_number")).isEqualTo("+14044764365");
        assertThat(row.get("status_callback_url")).isEqualTo("https://texts.example.org/twilio/status");
        assertThat(row.get("updated_by")).isEqualTo(admin.getId());
        assertThat(((Timestamp) row.get("updated_at")).toInstant()).isAfter(before);

        MvcTestResult page = mvc.get().uri("/admin/twilio").with(user(as(admin))).exchange();
        assertThat(text(page)).contains("Set, ending in " + TOKEN.substring(28) + ".")
                .contains("Last changed by " + admin.getDisplayName() + " on ")
                .contains("value=\"404-476-4365\"", "value=\"" + SID + "\"");
        assertThat(html(page)).doesNotContain(TOKEN);
        assertThat(twilioSetupService.currentSetup().authToken()).isEqualTo(TOKEN);
        assertThat(twilioSetupService.currentSetup().canSend()).isTrue();
    }

    @Test
    void theEncryptedTokenInTheDatabaseDiffersFromTheTokenAndDecryptsBack() {
        saveSetup(newAdmin(), completeForm());
        String stored = jdbc.queryForObject("select auth_token_encrypted from twilio_settings", String.class);
        assertThat(stored).isNotEqualTo(TOKEN).doesNotContain(TOKEN).startsWith("v1:");
        assertThat(cipher.decrypt(stored)).isEqualTo(TOKEN);
        String again = cipher.encrypt(TOKEN);
        assertThat(again).isNotEqualTo(stored).isNotEqualTo(cipher.encrypt(TOKEN));
        assertThat(cipher.decrypt(again)).isEqualTo(TOKEN);
    }

    @Test
    void anEmptyAuthTokenKeepsTheStoredOneAndANewOneReplacesIt() {
        Staff admin = newAdmin();
        saveSetup(admin, completeForm());
        String firstCiphertext = jdbc.queryForObject("select auth_token_encrypted from twilio_settings", String.class);

        Map<String, String> keep = with(with(completeForm(), "authToken", ""), "version", "0");
        keep.put("callResponse", "We do not take calls here.");
        assertThat(saveSetup(admin, keep)).hasRedirectedUrl("/admin/twilio");
        assertThat(jdbc.queryForObject("select auth_token_encrypted from twilio_settings", String.class))
                .isEqualTo(firstCiphertext);
        assertThat(twilioSetupService.currentSetup().authToken()).isEqualTo(TOKEN);
        assertThat(twilioSetupService.currentSetup().callResponse()).isEqualTo("We do not take calls here.");

        assertThat(saveSetup(admin, with(with(completeForm(), "authToken", OTHER_TOKEN), "version", "1")))
                .hasRedirectedUrl("/admin/twilio");
        assertThat(twilioSetupService.currentSetup().authToken()).isEqualTo(OTHER_TOKEN);
        MvcTestResult page = mvc.get().uri("/admin/twilio").with(user(as(admin))).exchange();
        assertThat(text(page)).contains("Set, ending in " + OTHER_TOKEN.substring(28) + ".");
        assertThat(html(page)).doesNotContain(OTHER_TOKEN).doesNotContain(TOKEN);
    }

    @Test
    void aMalformedAccountSidIsRefusedBesideItsFieldKeepingEverythingTypedButTheToken() {
        Staff admin = newAdmin();
        MvcTestResult refused = saveSetup(admin, with(completeForm(), "accountSid", "AC944bf"));
        assertThat(refused).hasStatusOk().model().extractingBindingResult("setupForm").hasFieldErrors("accountSid");
        assertThat(text(refused))
                .contains("An Account SID is AC followed by 32 letters a to f and digits")
                .contains("value=\"AC944bf\"", "value=\"404-476-4365\"", "value=\"https://texts.example.org/twilio/status\"",
                        TwilioSetupFixture.TEXT_RESPONSE + "</textarea>", "checked=\"checked\"");
        assertThat(html(refused)).doesNotContain(TOKEN);
        assertThat(savedRows()).isZero();
    }

    @Test
    void anInvalidTwilioNumberIsRefused() {
        Staff admin = newAdmin();
        for (String bad : new String[] {"404-476-436", "123-456-7890", "call us", "+1 555"}) {
            MvcTestResult refused = saveSetup(admin, with(completeForm(), "twilioNumber", bad));
            assertThat(refused).model().extractingBindingResult("setupForm").hasFieldErrors("twilioNumber");
            assertThat(text(refused)).contains("This is not a valid phone number.").contains("value=\"" + bad + "\"");
            assertThat(html(refused)).doesNotContain(TOKEN);
        }
        assertThat(savedRows()).isZero();
    }

    @Test
    void aTwilioNumberTypedAnyUsualWayIsStoredE164AndShownReadable() {
        Staff admin = newAdmin();
        assertThat(saveSetup(admin, with(completeForm(), "twilioNumber", "(404) 476 4365"))).hasRedirectedUrl("/admin/twilio");
        assertThat(jdbc.queryForObject("select twilio_number from twilio_settings", String.class)).isEqualTo("+14044764365");
        assertThat(html(mvc.get().uri("/admin/twilio").with(user(as(admin))).exchange())).contains("value=\"404-476-4365\"");
    }

    @Test
    void aStatusCallbackThatIsNotAnAbsoluteHttpAddressIsRefused() {
        Staff admin = newAdmin();
        for (String bad : new String[] {"/twilio/status", "texts.example.org/twilio/status", "ftp://texts.example.org/x",
                "https:///twilio/status", "http://exa mple.org/"}) {
            MvcTestResult refused = saveSetup(admin, with(completeForm(), "statusCallback", bad));
            assertThat(refused).model().extractingBindingResult("setupForm").hasFieldErrors("statusCallback");
            assertThat(text(refused)).contains("Enter a complete web address starting with http:// or https://")
                    .contains("value=\"" + bad + "\"");
        }
        assertThat(savedRows()).isZero();
    }

    @Test
    void blankResponsesAreRefused() {
        Staff admin = newAdmin();
        Map<String, String> form = with(with(completeForm(), "textResponse", "  "), "callResponse", "");
        MvcTestResult refused = saveSetup(admin, form);
        assertThat(refused).model().extractingBindingResult("setupForm").hasFieldErrors("textResponse", "callResponse");
        assertThat(text(refused)).contains("Enter the Text Response: it is sent to anyone who texts the Twilio number.")
                .contains("Enter the Call Response: it is spoken to anyone who calls the Twilio number.")
                .contains("value=\"" + SID + "\"");
        assertThat(savedRows()).isZero();
    }

    @Test
    void aTextResponseLongerThanOneSmsIsRefusedAndOneThatFitsIsSaved() {
        Staff admin = newAdmin();
        String gsm161 = "a".repeat(161);
        MvcTestResult refused = saveSetup(admin, with(completeForm(), "textResponse", gsm161));
        assertThat(refused).model().extractingBindingResult("setupForm").hasFieldErrors("textResponse");
        assertThat(text(refused)).contains("The Text Response counts 161 characters, but one text message holds 160.")
                .contains(gsm161 + "</textarea>");

        String ucs71 = "Thanks 😀 " + "b".repeat(61);
        assertThat(ucs71.length()).isEqualTo(71);
        MvcTestResult refusedUnicode = saveSetup(admin, with(completeForm(), "textResponse", ucs71));
        assertThat(text(refusedUnicode))
                .contains("The Text Response counts 71 characters, but one text message holds only 70 because it contains “😀”.");
        assertThat(savedRows()).isZero();

        assertThat(saveSetup(admin, with(completeForm(), "textResponse", "a".repeat(160)))).hasRedirectedUrl("/admin/twilio");
        assertThat(twilioSetupService.currentSetup().textResponse()).hasSize(160);
    }

    @Test
    void aMalformedAuthTokenIsRefusedAndNeverEchoed() {
        Staff admin = newAdmin();
        String bad = "has spaces in it " + TOKEN;
        MvcTestResult refused = saveSetup(admin, with(completeForm(), "authToken", bad));
        assertThat(refused).model().extractingBindingResult("setupForm").hasFieldErrors("authToken");
        assertThat(text(refused)).contains("An Auth Token is 16 to 128 letters and digits without spaces");
        assertThat(html(refused)).doesNotContain(TOKEN).doesNotContain("has spaces in it");
        assertThat(savedRows()).isZero();
    }

    @Test
    void enablingAnIncompleteSetupSaysWhatIsMissing() {
        Staff admin = newAdmin();
        Map<String, String> form = completeForm();
        form.put("accountSid", "");
        form.put("authToken", "");
        form.put("statusCallback", "");
        form.put("twilioNumber", "");
        MvcTestResult refused = saveSetup(admin, form);
        assertThat(refused).model().extractingBindingResult("setupForm")
                .hasFieldErrors("enabled", "accountSid", "authToken", "statusCallback", "twilioNumber");
        assertThat(text(refused)).contains("Texting can be enabled only when Account SID, Auth Token, Status Callback "
                + "and Twilio # are all filled in.", "Enter the Twilio #: it is needed while Enabled is checked.");
        assertThat(savedRows()).isZero();

        form.remove("enabled");
        assertThat(saveSetup(admin, form)).hasRedirectedUrl("/admin/twilio");
        assertThat(twilioSetupService.currentSetup().enabled()).isFalse();
        assertThat(twilioSetupService.currentSetup().isComplete()).isFalse();
    }

    @Test
    void aSaveBasedOnAnOutdatedPageIsRefusedAndChangesNothing() {
        Staff admin = newAdmin();
        Staff otherAdmin = newAdmin();
        saveSetup(admin, completeForm());
        saveSetup(otherAdmin, with(with(completeForm(), "version", "0"), "callResponse", "Please do not call."));

        MvcTestResult stale = saveSetup(admin, with(with(completeForm(), "version", "0"), "callResponse", "Mine."));
        assertThat(stale).hasStatusOk();
        assertThat(text(stale)).contains("Someone else saved the Twilio Setup while you were editing it")
                .contains("Mine.</textarea>");
        assertThat(twilioSetupService.currentSetup().callResponse()).isEqualTo("Please do not call.");

        MvcTestResult firstEver = saveSetup(admin, with(completeForm(), "version", ""));
        assertThat(text(firstEver)).contains("Someone else saved the Twilio Setup");
    }

    @Test
    void aCallResponseOver1000CharactersIsRefused() {
        Staff admin = newAdmin();
        String speech = "Thank you for calling. ".repeat(44);
        assertThat(speech.strip().length()).isGreaterThan(1000);
        MvcTestResult refused = saveSetup(admin, with(completeForm(), "callResponse", speech));
        assertThat(refused).model().extractingBindingResult("setupForm").hasFieldErrors("callResponse");
        assertThat(text(refused)).contains("The Call Response can be at most 1,000 characters.")
                .contains(speech.strip() + "</textarea>");
        assertThat(savedRows()).isZero();
    }

    @Test
    void garbleInTheEnabledBoxOrTheHiddenVersionIsRefusedPlainly() {
        Staff admin = newAdmin();
        MvcTestResult badEnabled = saveSetup(admin, with(completeForm(), "enabled", "maybe"));
        assertThat(badEnabled).hasStatusOk();
        assertThat(text(badEnabled)).contains("Tick Enabled, or leave it unticked.").contains("value=\"" + SID + "\"");
        MvcTestResult badVersion = saveSetup(admin, with(completeForm(), "version", "seven"));
        assertThat(text(badVersion)).contains("This page is out of date. Reload it and make your changes again.");
        assertThat(html(badVersion)).doesNotContain(TOKEN);
        assertThat(savedRows()).isZero();
    }

    @Test
    void caseworkersGet403OnEveryTwilioSetupAddress() {
        Staff casey = newCaseworker();
        assertThat(mvc.get().uri("/admin/twilio").with(user(as(casey)))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(saveSetup(casey, completeForm())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post("/admin/twilio/test", casey, completeForm())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(savedRows()).isZero();
        assertThat(fakeTwilio.requests()).isEmpty();
    }

    @Test
    void withoutAPublicBaseUrlTheRequestAddressPrefillsTheWebhookAddresses() {
        Staff admin = newAdmin();
        MvcTestResult page = mvc.get().uri("http://texts.example.org:8080/admin/twilio").with(user(as(admin))).exchange();
        assertThat(html(page)).contains("http://texts.example.org:8080/twilio/sms",
                "http://texts.example.org:8080/twilio/voice", "value=\"http://texts.example.org:8080/twilio/status\"");
    }
}
