package org.textdesk.quickentry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.Axe;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;

class QuickEntryBrowserTest extends BrowserTest {

    @Autowired
    QuickEntryService quickEntryService;

    @Test
    void anAdminKeepsTheQuickEntryList() {
        QuickEntryDemoData.SEED_TEXTS.forEach(quickEntryService::addQuickEntry);
        Axe.enable(browserContext);
        logIn(newAdmin());
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Quick Entry")).click();
        Locator rows = page.locator("table.quick-entries tbody tr");
        assertThat(rows).hasCount(3);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add Quick Entry")).click();
        page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))
                .fill("Hi {first_name}, please bring your papers for case {meeting}.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#text-error")).containsText("{meeting} is not a placeholder TextDesk knows.");
        page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))
                .fill("Hi {first_name}, please bring your papers for case {case_number}. {staff_name}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Quick Entry 4 added.");
        assertThat(rows).hasCount(4);
        // The page with its flash message, too, passes axe-core.
        org.assertj.core.api.Assertions.assertThat(Axe.violations(page)).isEmpty();

        Locator moveUp = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move up: Quick Entry 4"));
        // The accessible name starts with the words on the button, so a person using voice control can say them.
        assertThat(moveUp).hasText("Move up");
        moveUp.click();
        assertThat(rows.nth(2).locator(".quick-entry-text")).hasText(
                "Hi {first_name}, please bring your papers for case {case_number}. {staff_name}");
        assertThat(rows.nth(3).locator(".quick-entry-text")).hasText(QuickEntryDemoData.SEED_TEXTS.get(2));
        Browsers.screenshot(page, "quick-entries");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete Quick Entry 1")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Quick Entry deleted.");
        assertThat(rows).hasCount(3);
        assertThat(rows.first().locator("td").first()).hasText("1");
        assertThat(rows.first().locator(".quick-entry-text")).hasText(QuickEntryDemoData.SEED_TEXTS.get(1));
    }
}
