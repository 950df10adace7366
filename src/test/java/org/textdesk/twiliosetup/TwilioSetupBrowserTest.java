package org.textdesk.twiliosetup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.textdesk.Axe;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.staff.Staff;

class TwilioSetupBrowserTest extends BrowserTest {

    static final String TOKEN = TwilioSetupFixture.AUTH_TOKEN;

    Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void anAdminFillsInTheSetupSavesItAndSeesTheTokenOnlyAsItsEnding() {
        Staff admin = newAdmin();
        logIn(admin);
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Twilio Setup")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Twilio Setup"))).isVisible();
        assertThat(field("Status Callback")).hasValue(baseUrl() + "/twilio/status");
        assertThat(page.locator("#webhook-sms")).hasText(baseUrl() + "/twilio/sms");

        field("Enabled").check();
        field("Account SID").fill(TwilioSetupFixture.ACCOUNT_SID);
        field("Auth Token").fill(TOKEN);
        field("Twilio #").fill("404-476-4365");
        field("Text Response").fill(TwilioSetupFixture.TEXT_RESPONSE);
        field("Call Response").fill(TwilioSetupFixture.CALL_RESPONSE);
        button("Save").click();

        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Twilio Setup saved.");
        assertThat(page.getByText("Set, ending in " + TOKEN.substring(28) + ".")).isVisible();
        assertThat(page.getByText("Last changed by " + admin.getDisplayName() + " on ")).isVisible();
        assertThat(field("Auth Token")).hasValue("");
        assertThat(field("Enabled")).isChecked();
        assertThat(field("Twilio #")).hasValue("404-476-4365");
        assertThat(page.content()).doesNotContain(TOKEN);
        Browsers.screenshot(page, "twilio-setup");

        fakeTwilio.acceptCredentials(TwilioSetupFixture.ACCOUNT_SID, TOKEN, "Kemp's Case Works");
        button("Test connection").click();
        assertThat(page.locator(".connection-check")).containsText(
                "Connection works: Twilio accepted the Account SID and Auth Token of the account “Kemp's Case Works”.");
        Browsers.screenshot(page, "twilio-setup-test-connection");
    }

    @Test
    void aRefusedSaveShowsEachProblemBesideItsFieldAndTheCopyButtonsCopy() {
        browserContext.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        logIn(newAdmin());
        page.navigate(baseUrl() + "/admin/twilio");
        field("Enabled").check();
        field("Account SID").fill("AC944bf");
        field("Auth Token").fill(TOKEN);
        field("Twilio #").fill("404-476-436");
        field("Text Response").fill("Sorry. We don't respond to texts. 😀 ".repeat(3));
        field("Call Response").fill(TwilioSetupFixture.CALL_RESPONSE);
        button("Save").click();

        assertThat(page.locator("#accountSid-error")).containsText("An Account SID is AC followed by 32 letters");
        assertThat(page.locator("#twilioNumber-error")).containsText("This is not a valid phone number.");
        assertThat(page.locator("#textResponse-error")).containsText("holds only 70 because it contains “😀”");
        assertThat(field("Account SID")).hasAttribute("aria-describedby", "accountSid-hint accountSid-error");
        assertThat(field("Account SID")).hasValue("AC944bf");
        assertThat(field("Auth Token")).hasValue("");
        assertThat(page.content()).doesNotContain(TOKEN);
        Browsers.screenshot(page, "twilio-setup-refused");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Copy the address for Messaging: A message comes in")).click();
        assertThat(page.locator(".copy-status")).hasText("Address copied.");
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(baseUrl() + "/twilio/sms");
    }

    @Test
    void testConnectionNamesTheMessagingServiceOnALaptopAndAPhone() {
        String service = TwilioSetupFixture.MESSAGING_SERVICE_SID;
        fakeTwilio.acceptCredentials(TwilioSetupFixture.ACCOUNT_SID, TOKEN, "Kemp's Case Works");
        fakeTwilio.serveMessagingService(service, TwilioSetupFixture.ACCOUNT_SID, "Caseworkers' texts");
        Axe.enable(browserContext);
        logIn(newAdmin());
        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, 800);
            page.navigate(baseUrl() + "/admin/twilio");
            field("Account SID").fill(TwilioSetupFixture.ACCOUNT_SID);
            field("Auth Token").fill(TOKEN);
            field("Messaging Service SID").fill("MG42");
            button("Test connection").click();
            assertThat(page.locator("#messagingServiceSid-error")).containsText(
                    "A Messaging Service SID is MG followed by 32 letters a to f and digits");
            assertThat(field("Messaging Service SID")).hasValue("MG42");

            field("Auth Token").fill(TOKEN);
            field("Messaging Service SID").fill(service);
            button("Test connection").click();
            assertThat(page.locator(".messaging-service-check")).hasText("Messaging Service “Caseworkers' texts” found ("
                    + service + "): texts will go out through it.");
            assertThat(field("Messaging Service SID")).hasValue(service);
            @SuppressWarnings("unchecked")
            List<Number> widths = (List<Number>) page.evaluate(
                    "() => [document.documentElement.scrollWidth, window.innerWidth]");
            assertThat(widths.get(0).intValue()).as("no sideways scroll at " + width + " px")
                    .isLessThanOrEqualTo(widths.get(1).intValue());
            assertThat(Axe.violations(page)).as(width + " px").isEmpty();
            Browsers.screenshot(page, width + "-twilio-setup-messaging-service");
        }
    }
}
