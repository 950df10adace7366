package org.textdesk;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.textdesk.staff.Staff;

/** A test that drives the running application in Chromium; each test gets a fresh browser context. */
public abstract class BrowserTest extends IntegrationTest {

    /**
     * Limits for a machine under load (CI, or several builds at once on two cores): a page that needs 10 s there
     * is slow, not wrong; a page that never comes still fails, later.
     */
    private static final double ACTION_TIMEOUT_MS = 30_000;

    static {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    protected BrowserContext browserContext;
    protected Page page;

    @BeforeEach
    void openBrowserContext() {
        browserContext = Browsers.chromium().newContext();
        browserContext.setDefaultTimeout(ACTION_TIMEOUT_MS);
        page = browserContext.newPage();
    }

    @AfterEach
    void closeBrowserContext() {
        browserContext.close();
    }

    protected void logIn(Staff staff) {
        page.navigate(baseUrl() + "/login");
        page.getByLabel("Username").fill(staff.getUsername());
        page.getByLabel("Password").fill(STAFF_PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(url -> !url.contains("/login"));
    }
}
