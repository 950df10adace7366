package org.textdesk.retention;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.Axe;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;

/** An admin sets the retention months in Chromium, at laptop and phone width: refused input, then saved. */
class RetentionBrowserTest extends BrowserTest {

    @Autowired
    RetentionSettings settings;

    @Test
    void anAdminSetsTheMonthsAtLaptopWidth() {
        page.setViewportSize(1280, 800);
        setTheMonths(page, "1280");
    }

    @Test
    void anAdminSetsTheMonthsAtPhoneWidth() {
        // the phone-sized context replaces the test's own, and is closed after the test as that one would be
        browserContext.close();
        browserContext = Browsers.chromium().newContext(new Browser.NewContextOptions().setViewportSize(390, 800));
        browserContext.setDefaultTimeout(30_000);
        page = browserContext.newPage();
        setTheMonths(page, "390");
    }

    private void setTheMonths(Page page, String width) {
        Axe.enable(browserContext);
        logIn(newAdmin());
        page.navigate(baseUrl() + "/admin/retention");
        Locator months = page.getByLabel("Keep message bodies and pictures for (months)");
        months.fill("0");
        page.getByLabel("Delete texts at Twilio after delivery").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save retention settings")).click();
        assertThat(page.locator("#keepMonths-error")).hasText(
                "Type a number of months from 1 to 120 (10 years), or leave it empty to keep them forever.");
        assertThat(months).hasValue("0");
        assertThat(page.getByLabel("Delete texts at Twilio after delivery")).isChecked();
        org.assertj.core.api.Assertions.assertThat(Axe.violations(page)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(noSidewaysScroll(page)).isTrue();
        Browsers.screenshot(page, width + "-retention-refused");

        months.fill("6");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save retention settings")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText(
                "Saved: message bodies and pictures are removed after 6 months.");
        assertThat(months).hasValue("6");
        org.assertj.core.api.Assertions.assertThat(settings.current())
                .isEqualTo(new RetentionPolicy(new KeepMonths(6), true));
        org.assertj.core.api.Assertions.assertThat(Axe.violations(page)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(noSidewaysScroll(page)).isTrue();
        Browsers.screenshot(page, width + "-retention-saved");
    }

    private static boolean noSidewaysScroll(Page page) {
        return (Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
    }
}
