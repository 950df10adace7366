package org.textdesk.coverage;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.Axe;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.FakeTwilio;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.inbox.IncomingTexts;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Away in Chromium at laptop and phone width: a caseworker sets themselves away on My settings (a refused period
 * first), and the colleague who covers finds the "Covering for" section in My inbox.
 */
class AwayBrowserTest extends BrowserTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    ClientService clientService;

    @Autowired
    IncomingTexts incomingTexts;

    @Test
    void aCaseworkerSetsThemselvesAwayAndTheColleagueSeesTheCoveringSection() {
        configureTwilio();
        for (int width : List.of(1280, 390)) {
            emptyEveryTable();
            configureTwilio();
            Staff casey = newCaseworker();
            Staff robin = newCaseworker();
            ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                    .create(clientService, as(casey));
            LocalDateTime now = LocalDateTime.now(NEW_YORK).truncatedTo(ChronoUnit.MINUTES);
            String from = now.minusHours(1).toString();
            String until = now.plusDays(2).toString();
            try (BrowserContext context = Browsers.chromium().newContext(
                    new Browser.NewContextOptions().setViewportSize(width, 800))) {
                context.setDefaultTimeout(10_000);
                Axe.enable(context);
                page = context.newPage();
                logIn(casey);
                page.navigate(baseUrl() + "/settings");
                page.getByLabel("Away from").fill(until);
                page.getByLabel("Until", new Page.GetByLabelOptions().setExact(true)).fill(from);
                page.getByLabel("Away message").fill("I am away until Friday. Robin covers for me.");
                page.getByLabel("Colleague who covers").selectOption(robin.getId().toString());
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save away")).click();

                assertThat(page.getByText("Until must be after Away from.")).isVisible();
                assertThat(page.getByLabel("Away message")).hasValue("I am away until Friday. Robin covers for me.");
                assertThat(page.getByLabel("Colleague who covers")).hasValue(robin.getId().toString());
                assertThat(Axe.violations(page)).isEmpty();
                assertThat(fitsWidth()).isTrue();
                Browsers.screenshot(page, width + "-caseworker-away-refused");

                page.getByLabel("Away from").fill(from);
                page.getByLabel("Until", new Page.GetByLabelOptions().setExact(true)).fill(until);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save away")).click();
                assertThat(page.getByText("You are set as away.")).isVisible();
                assertThat(page.getByText("covers for you.")).containsText(robin.getDisplayName());
                assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I am back")))
                        .isVisible();
                assertThat(Axe.violations(page)).isEmpty();
                assertThat(fitsWidth()).isTrue();
                Browsers.screenshot(page, width + "-caseworker-away-saved");
            }
            incomingTexts.receive(FakeTwilio.newMessageSid(), "+14045387319", TwilioSetupFixture.TWILIO_NUMBER,
                    "Can I come in on Thursday instead?", null);
            try (BrowserContext context = Browsers.chromium().newContext(
                    new Browser.NewContextOptions().setViewportSize(width, 800))) {
                context.setDefaultTimeout(10_000);
                Axe.enable(context);
                page = context.newPage();
                logIn(robin);
                page.navigate(baseUrl() + "/inbox");
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                        .setName("Covering for " + casey.getDisplayName()))).isVisible();
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Jordan Avery")))
                        .isVisible();
                assertThat(page.getByText("Can I come in on Thursday instead?")).isVisible();
                assertThat(Axe.violations(page)).isEmpty();
                assertThat(fitsWidth()).isTrue();
                Browsers.screenshot(page, width + "-caseworker-covering-inbox");
            }
        }
    }

    private boolean fitsWidth() {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
    }
}
