package org.textdesk.reminders;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.Axe;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.FakeTwilio;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * A caseworker schedules a text in Chromium, at a laptop's width and a phone's: Send at with the client's own
 * time beside it, then the text on the Scheduled page. No sideways scroll, axe-core finds nothing.
 */
class ScheduledTextBrowserTest extends BrowserTest {

    @Autowired
    ClientService clientService;

    Staff casey;
    Client sam;

    @BeforeEach
    void aClientInSeattle() {
        clock.pin(ScheduledTextTest.TUESDAY_10_AM_NEW_YORK);
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        sam = ClientFixture.client("Sam", "Rivera").cell("206", "555-0143").safe(true).okayToText(true)
                .create(clientService, as(casey));
    }

    @Test
    void scheduleATextAndSeeItOnTheScheduledPageAt1280And390() {
        for (int width : List.of(1280, 390)) {
            emptyEveryTableButKeep();
            try (BrowserContext context = Browsers.chromium().newContext(
                    new Browser.NewContextOptions().setViewportSize(width, 900))) {
                context.setDefaultTimeout(30_000);
                Axe.enable(context);
                page = context.newPage();
                logIn(casey);
                page.navigate(baseUrl() + "/clients/" + sam.getId() + "/texts/new");
                assertThat(page.getByText("It is 7:00 AM for the client")).isVisible();
                assertThat(page.getByLabel("Date")).isHidden();

                page.getByLabel("Text Message").fill("Your appointment is at 3 today.");
                page.getByLabel("Send at").check();
                page.getByLabel("Date").fill("2030-03-05");
                page.getByLabel("Time (America/New_York)").fill("14:30");
                assertThat(page.locator("#client-time"))
                        .hasText("Client's time (America/Los_Angeles): 11:30 AM at the time chosen");
                assertNoSidewaysScrollAndNoAxeViolations(width + " px, Send Text with Send at");
                Browsers.screenshot(page, width + "-send-at");

                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Message")).click();
                page.waitForURL(url -> url.endsWith("/scheduled"));
                assertThat(page.getByText("The text is scheduled.")).isVisible();
                Locator row = page.locator("table.scheduled-texts tbody tr");
                assertThat(row).hasCount(1);
                assertThat(row).containsText("Your appointment is at 3 today.");
                assertThat(row).containsText("3/5/2030 2:30:00 PM");
                assertThat(row).containsText("3/5/2030 11:30 AM PST");
                assertThat(row).containsText("Scheduled");
                assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                        .setName("Edit the text scheduled for 3/5/2030 2:30:00 PM"))).isVisible();
                assertNoSidewaysScrollAndNoAxeViolations(width + " px, Scheduled");
                Browsers.screenshot(page, width + "-scheduled");
            }
        }
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
    }

    /** Between the two widths: the first width's text gone, the staff member and client kept. */
    private void emptyEveryTableButKeep() {
        jdbc.update("delete from scheduled_tasks where task_name = 'scheduled-text'");
        jdbc.update("delete from scheduled_texts");
    }

    private void assertNoSidewaysScrollAndNoAxeViolations(String where) {
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) page.evaluate(
                "() => [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(widths.get(0).intValue()).as(where + ": page width").isLessThanOrEqualTo(widths.get(1).intValue());
        assertThat(Axe.violations(page)).as(where).isEmpty();
    }

}
