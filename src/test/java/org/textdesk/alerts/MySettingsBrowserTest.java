package org.textdesk.alerts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.textdesk.Axe;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.staff.Staff;

/** My settings in Chromium at laptop and phone width: a refused address, then a saved choice. */
class MySettingsBrowserTest extends BrowserTest {

    @Test
    void aCaseworkerTurnsOnAlertsAfterFixingTheirAddress() {
        Staff casey = newCaseworker();
        for (int width : List.of(1280, 390)) {
            try (BrowserContext context = Browsers.chromium().newContext(
                    new Browser.NewContextOptions().setViewportSize(width, 800))) {
                context.setDefaultTimeout(30_000);
                Axe.enable(context);
                page = context.newPage();
                logIn(casey);
                page.navigate(baseUrl() + "/settings");
                page.getByLabel("Your email address").fill("casey-at-agency");
                page.getByLabel("Email me when a text from my clients has waited unread").selectOption("2");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();

                assertThat(page.getByText("Enter an email address such as casey@example.org.")).isVisible();
                assertThat(page.getByLabel("Your email address")).hasValue("casey-at-agency");
                assertThat(page.getByLabel("Email me when a text from my clients has waited unread")).hasValue("2");
                assertThat(Axe.violations(page)).isEmpty();
                assertThat((Boolean) page.evaluate(
                        "() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
                Browsers.screenshot(page, width + "-caseworker-my-settings-refused");

                page.getByLabel("Your email address").fill("casey@agency.example.org");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
                assertThat(page.getByText("Your settings are saved.")).isVisible();
                assertThat(page.getByLabel("Email me when a text from my clients has waited unread")).hasValue("2");
                assertThat(page.getByText("Email alerts are not set up on this TextDesk", new Page.GetByTextOptions()))
                        .isVisible();
                assertThat(Axe.violations(page)).isEmpty();
                Browsers.screenshot(page, width + "-caseworker-my-settings-saved");
            }
        }
        assertThat(jdbc.queryForObject("select email from staff where id = ?", String.class, casey.getId()))
                .isEqualTo("casey@agency.example.org");
    }
}
