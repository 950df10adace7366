package org.textdesk;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.textdesk.staff.Staff;

/** A test that drives the running application in Chromium; each test gets a fresh browser context. */
public abstract class BrowserTest extends IntegrationTest {

    protected BrowserContext browserContext;
    protected Page page;

    @BeforeEach
    void openBrowserContext() {
        browserContext = Browsers.chromium().newContext();
        browserContext.setDefaultTimeout(10_000);
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
