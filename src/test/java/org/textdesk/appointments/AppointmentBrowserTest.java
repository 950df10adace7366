package org.textdesk.appointments;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.Axe;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.FakeTwilio;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * A caseworker books an appointment on a case in Chromium, at a laptop's width and a phone's, and sees its
 * reminders planned (one not planned: its time had passed). No sideways scroll, axe-core finds nothing; the admin's
 * Reminders page passes the same checks.
 */
class AppointmentBrowserTest extends BrowserTest {

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    @Autowired
    ReminderSettings settings;

    Staff casey;
    Staff admin;
    CaseRecord jordansCase;

    @BeforeEach
    void aCaseAndThreePlans() {
        clock.pin(AppointmentsTest.TUESDAY_10_AM_NEW_YORK);
        casey = newCaseworker();
        admin = newAdmin();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        Client jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        jordansCase = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
        long text = settings.saveText(null, null, "Standard", AppointmentsTest.STANDARD, Map.of());
        settings.addPlan(new ReminderTiming(3, LocalTime.of(10, 0), null), text);
        settings.addPlan(new ReminderTiming(1, LocalTime.of(10, 0), null), text);
        settings.addPlan(new ReminderTiming(null, null, 120), text);
    }

    @Test
    void bookAnAppointmentAndSeeItsRemindersAt1280And390() {
        for (int width : List.of(1280, 390)) {
            jdbc.update("delete from appointment_reminders");
            jdbc.update("delete from appointments");
            jdbc.update("delete from scheduled_tasks where task_name = 'scheduled-text'");
            jdbc.update("delete from scheduled_texts");
            try (BrowserContext context = Browsers.chromium().newContext(
                    new Browser.NewContextOptions().setViewportSize(width, 900))) {
                context.setDefaultTimeout(30_000);
                Axe.enable(context);
                page = context.newPage();
                logIn(casey);
                page.navigate(baseUrl() + "/cases/" + jordansCase.getId());
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Book appointment")).click();
                page.getByLabel("Date").fill("2030-03-07");
                page.getByLabel("Time (America/New_York)").fill("14:00");
                page.getByLabel("Place").fill("100 Main St");
                page.getByLabel("Note").fill("Bring your lease");
                assertNoSidewaysScrollAndNoAxeViolations(width + " px, Book appointment");
                Browsers.screenshot(page, width + "-appointment-book");

                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book appointment")).click();
                page.waitForURL(url -> url.contains("/cases/" + jordansCase.getId()));
                assertThat(page.getByText("The appointment is booked and its reminders are planned.")).isVisible();
                Locator appointment = page.locator("article.appointment");
                assertThat(appointment).hasCount(1);
                assertThat(appointment.getByRole(AriaRole.HEADING)).hasText("3/7/2030 2:00:00 PM at 100 Main St");
                Locator rows = appointment.locator("table.appointment-reminders tbody tr");
                assertThat(rows).hasCount(3);
                assertThat(rows.nth(0)).containsText("3 days before at 10:00 AM");
                assertThat(rows.nth(0)).containsText("Not planned");
                assertThat(rows.nth(1)).containsText("1 day before at 10:00 AM");
                assertThat(rows.nth(1)).containsText("3/6/2030 10:00:00 AM");
                assertThat(rows.nth(1)).containsText("Planned");
                assertThat(rows.nth(2)).containsText("2 hours before");
                assertThat(rows.nth(2)).containsText("3/7/2030 12:00:00 PM");
                assertThat(rows.nth(2)).containsText("Planned");
                assertThat(appointment.getByText("Some reminders were not planned: their time had already passed"))
                        .isVisible();
                assertThat(appointment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                        .setName("Cancel appointment of 3/7/2030 2:00:00 PM"))).isVisible();
                assertNoSidewaysScrollAndNoAxeViolations(width + " px, case with its appointment");
                Browsers.screenshot(page, width + "-appointment-reminders");
            }
        }
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
    }

    @Test
    void theAdminsRemindersPageHasNoViolationsAtEitherWidth() {
        for (int width : List.of(1280, 390)) {
            try (BrowserContext context = Browsers.chromium().newContext(
                    new Browser.NewContextOptions().setViewportSize(width, 900))) {
                context.setDefaultTimeout(30_000);
                Axe.enable(context);
                page = context.newPage();
                logIn(admin);
                page.navigate(baseUrl() + "/admin/reminders");
                assertThat(page.locator("ul.reminder-plans li")).hasCount(3);
                assertThat(page.getByText("3 days before at 10:00 AM: Standard")).isVisible();
                assertNoSidewaysScrollAndNoAxeViolations(width + " px, Reminders");
                Browsers.screenshot(page, width + "-reminders-admin");
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit the reminder text Standard"))
                        .click();
                assertThat(page.getByLabel("Message in Spanish")).isVisible();
                assertNoSidewaysScrollAndNoAxeViolations(width + " px, reminder text");
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
