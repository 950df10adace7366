package org.textdesk.grouptexts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.sql.Time;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.Axe;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * A caseworker sends a group text in Chromium, at a laptop's width and a phone's: the preview with each client's
 * text and the one left out, then the group's page, whose progress bar the clustered scheduler fills to the end
 * without a reload. No sideways scroll, axe-core finds nothing.
 */
class GroupTextBrowserTest extends BrowserTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    ClientService clientService;

    Staff casey;

    @BeforeEach
    void threeClientsToTextAndOneWhoSaidNo() {
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        ClientFixture.client("Sam", "Rivera").cell("404", "555-0143").safe(true).okayToText(true)
                .create(clientService, as(casey));
        ClientFixture.client("Alex", "Kim").cell("404", "555-0123").safe(true).okayToText(true)
                .create(clientService, as(casey));
        ClientFixture.client("Morgan", "Diaz").cell("404", "555-0199").safe(true).okayToText(false)
                .create(clientService, as(casey));
        // the scheduler sends on the real clock: quiet hours open around now in Atlanta
        LocalTime local = ZonedDateTime.now(NEW_YORK).toLocalTime();
        LocalTime start = local.isBefore(LocalTime.of(2, 0)) ? LocalTime.MIDNIGHT : local.minusHours(2);
        LocalTime end = local.isAfter(LocalTime.of(21, 59)) ? LocalTime.of(23, 59, 59) : local.plusHours(2);
        jdbc.update("insert into quiet_hours_window (id, window_start, window_end, changed_at) values (1, ?, ?, now())",
                Time.valueOf(start), Time.valueOf(end));
    }

    @Test
    void previewSendAndWatchTheProgressBarReachTheEndAt1280And390() {
        for (int width : List.of(1280, 390)) {
            try (BrowserContext context = Browsers.chromium().newContext(
                    new Browser.NewContextOptions().setViewportSize(width, 900))) {
                context.setDefaultTimeout(15_000);
                Axe.enable(context);
                page = context.newPage();
                logIn(casey);
                page.navigate(baseUrl() + "/group-texts");
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New group text")).click();
                assertThat(page.getByLabel("My clients")).isChecked();
                page.getByLabel("Message").fill("Hi {first_name}, the office is closed Friday.");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();

                assertThat(page.locator(".group-count"))
                        .hasText("4 clients chosen: 3 will get it (3 now, 0 after quiet hours).");
                assertThat(page.getByText("1 client will not get it: Okay to Text is unticked")).isVisible();
                Locator rows = page.locator("table.group-recipients tbody tr");
                assertThat(rows).hasCount(4);
                assertThat(rows.filter(new Locator.FilterOptions().setHasText("Jordan Avery")))
                        .containsText("Hi Jordan, the office is closed Friday.");
                assertThat(rows.filter(new Locator.FilterOptions().setHasText("Morgan Diaz")))
                        .containsText("Not sent: Okay to Text is unticked");
                assertNoSidewaysScrollAndNoAxeViolations(width + " px, group text preview");
                Browsers.screenshot(page, width + "-group-text-preview");

                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to 3 clients")).click();
                page.waitForURL(Pattern.compile(".*/group-texts/\\d+$"));
                assertThat(page.getByText("The group text is on its way")).isVisible();
                Locator bar = page.getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName("Texts done"));
                assertThat(bar).hasAttribute("max", "3");

                // filled in place by the page's script as the queue sends (one a second), no reload
                assertThat(page.locator(".progress-words")).hasText("3 of 3 done: 3 sent, 0 not sent, 0 cancelled.",
                        new LocatorAssertions.HasTextOptions().setTimeout(90_000));
                assertThat(bar).hasAttribute("value", "3");
                assertThat(page.locator("#group-progress")).hasAttribute("data-progress-polling", "stopped");
                assertThat(page.getByText("The group text is on its way")).isVisible();
                Locator report = page.locator("table.group-report tbody tr");
                assertThat(report).hasCount(4);
                assertThat(report.filter(new Locator.FilterOptions().setHasText("Sam Rivera"))).containsText("Sent");
                assertThat(report.filter(new Locator.FilterOptions().setHasText("Sam Rivera"))).containsText("queued");
                assertThat(report.filter(new Locator.FilterOptions().setHasText("Morgan Diaz")))
                        .containsText("Left out");
                assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                        .setName("Cancel the texts not sent yet"))).hasCount(0);
                assertNoSidewaysScrollAndNoAxeViolations(width + " px, group text sent");
                Browsers.screenshot(page, width + "-group-text-sent");
            }
        }
    }

    private void assertNoSidewaysScrollAndNoAxeViolations(String where) {
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) page.evaluate(
                "() => [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(widths.get(0).intValue()).as(where + ": page width").isLessThanOrEqualTo(widths.get(1).intValue());
        assertThat(Axe.violations(page)).as(where).isEmpty();
    }
}
