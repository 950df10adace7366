package org.textdesk.staff;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;

class LoginBrowserTest extends BrowserTest {

    @Test
    void aCaseworkerLogsInAndSeesTheirNameAndNoAdminMenus() {
        Staff casey = newCaseworker();
        page.navigate(baseUrl() + "/");
        assertThat(page).hasURL(baseUrl() + "/login");
        Browsers.screenshot(page, "login");

        logIn(casey);
        assertThat(page).hasURL(baseUrl() + "/clients");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Clients"))).isVisible();
        assertThat(page.getByText("Logged in as " + casey.getDisplayName())).isVisible();
        var mainMenu = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        assertThat(mainMenu.getByRole(AriaRole.LINK)).hasText(new String[] {"Clients", "My inbox", "Incoming", "Scheduled",
                "Group texts", "My settings"});
        Browsers.screenshot(page, "home-caseworker");
    }

    @Test
    void aWrongPasswordShowsAPlainMessage() {
        Staff casey = newCaseworker();
        page.navigate(baseUrl() + "/login");
        page.getByLabel("Username").fill(casey.getUsername());
        page.getByLabel("Password").fill("wrong password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Wrong username or password");
    }

    @Test
    void anAdminSeesTheStaffPageAndLogsOut() {
        Staff admin = newAdmin();
        logIn(admin);
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Staff"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Staff"))).isVisible();
        Browsers.screenshot(page, "staff-list");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        assertThat(page.getByText("You are logged out.")).isVisible();
    }

    @Test
    void errorPagesAreFriendlyAndShowNoInternals() {
        Staff casey = newCaseworker();
        logIn(casey);
        page.navigate(baseUrl() + "/admin/staff");
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Not allowed");
        page.navigate(baseUrl() + "/no/such/page");
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Not found");
        assertThat(page.locator("body")).not().containsText("Exception");
        Browsers.screenshot(page, "error-not-found");
    }
}
