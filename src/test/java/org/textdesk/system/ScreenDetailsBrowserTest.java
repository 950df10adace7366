package org.textdesk.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.texts.TextingData;

/** The small things around texting that a caseworker or an admin notices in their first minutes (issue 20). */
class ScreenDetailsBrowserTest extends BrowserTest {

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    @Test
    void theClientRecordShowsItsLastTextsAndTheCasePageItsTextsExportAndPrint() {
        Staff casey = newCaseworker();
        Client jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        CaseRecord rental = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
        TextingData texting = new TextingData(jdbc);
        Instant start = Instant.parse("2026-11-30T15:00:00Z");
        for (int n = 1; n <= 6; n++) {
            texting.outboundText().toClient(jordan.getId(), "+14045387319").inCase(n <= 2 ? rental.getId() : null)
                    .sentBy(casey.getId()).body("Reminder number " + n + ".")
                    .status(n == 6 ? "undelivered" : "delivered").errorCode(n == 6 ? "30003" : null)
                    .sentAt(start.plusSeconds(60L * n)).insert();
        }
        texting.incoming("+14045387319", "Got it, thanks.", start.plusSeconds(60L * 7), jordan.getId());

        logIn(casey);
        page.navigate(baseUrl() + "/clients/" + jordan.getId());
        Locator recent = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Recent texts"));
        Locator rows = recent.locator("tbody tr");
        assertThat(rows).hasCount(5);
        assertThat(rows.nth(0)).containsText("Got it, thanks.");
        assertThat(rows.nth(0)).containsText("From the client");
        assertThat(rows.nth(0).locator(".badge.status")).hasText("received");
        assertThat(rows.nth(1)).containsText("Reminder number 6.");
        assertThat(rows.nth(1).locator(".badge.status")).hasText("undelivered");
        assertThat(rows.nth(4)).containsText("Reminder number 3.");
        assertThat(recent).containsText("These are the last 5.");
        assertThat(recent.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("All texts of the client")))
                .hasAttribute("href", "/clients/" + jordan.getId() + "/texts");
        Browsers.screenshot(page, "client-record-recent-texts");

        page.navigate(baseUrl() + "/cases/" + rental.getId());
        Locator caseTexts = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Recent texts"));
        // The case's texts: the two sent in it and the client's text received while it is open.
        assertThat(caseTexts.locator("tbody tr")).hasCount(3);
        assertThat(caseTexts.locator("tbody tr").nth(1)).containsText("Reminder number 2.");
        assertThat(caseTexts).not().containsText("These are the last");
        assertThat(caseTexts.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("All texts of the case")))
                .hasAttribute("href", "/cases/" + rental.getId() + "/texts");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download CSV of case 16E-20010101")))
                .hasAttribute("href", "/cases/" + rental.getId() + "/texts.csv");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Printable page of case 16E-20010101")))
                .hasAttribute("href", "/cases/" + rental.getId() + "/texts/print");
        Browsers.screenshot(page, "case-recent-texts");
    }

    @Test
    void theQuickEntryFormCountsAsYouTypeAndStaffHasNoDisableOnYourOwnRow() {
        Staff admin = newAdmin();
        Staff casey = newCaseworker();
        logIn(admin);
        page.navigate(baseUrl() + "/admin/quick-entries/new");
        // The Message's own counter; each version in another language has one of its own below it.
        Locator typed = page.locator("[data-sms-typed]").first();
        Locator left = page.locator("[data-sms-left]").first();
        assertThat(typed).hasText("0");
        page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).pressSequentially("Hi {first_name}");
        // 15 characters; the braces are GSM-7 extension characters, which count two each.
        assertThat(typed).hasText("17");
        assertThat(left).hasText("143");

        page.navigate(baseUrl() + "/admin/staff");
        Locator ownRow = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(admin.getUsername()));
        Locator otherRow = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(casey.getUsername()));
        assertThat(ownRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable"))).hasCount(0);
        assertThat(ownRow).containsText("Your account");
        assertThat(otherRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable"))).hasCount(1);
    }

    @Test
    void bothCellErrorsShowAndTheRecordsCellIsNotDrawnAsInputBoxes() {
        Staff casey = newCaseworker();
        logIn(casey);
        page.navigate(baseUrl() + "/clients/new");
        page.getByLabel("First name", new Page.GetByLabelOptions().setExact(true)).fill("Jordan");
        page.getByLabel("Last name", new Page.GetByLabelOptions().setExact(true)).fill("Avery");
        page.getByLabel("Area code", new Page.GetByLabelOptions().setExact(true)).fill("40");
        page.getByLabel("Number", new Page.GetByLabelOptions().setExact(true)).fill("538-73");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(page.locator("#cellAreaCode-error")).hasText("The area code must be exactly 3 digits, like 404.");
        assertThat(page.locator("#cellNumber-error")).hasText(
                "The number must be 7 digits in the format XXX-XXXX, like 538-7319.");
        Browsers.screenshot(page, "client-new-both-cell-errors");

        Client jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(false).okayToText(true)
                .create(clientService, as(casey));
        page.navigate(baseUrl() + "/clients/" + jordan.getId());
        Locator cell = page.locator(".cell-display .cell-box").first();
        assertThat(cell).hasCSS("border-top-width", "0px");
        assertThat(page.locator(".cell-display")).hasText("404 538-7319");

        // The not-Safe confirmation: its checkbox on the first line of its label, to the label's left.
        page.navigate(baseUrl() + "/clients/" + jordan.getId() + "/texts/new");
        BoundingBox box = page.locator("#confirmNotSafe1").boundingBox();
        BoundingBox label = page.locator("label[for=confirmNotSafe1]").boundingBox();
        assertThat(label.x).isGreaterThan(box.x + box.width);
        assertThat(label.y).isLessThan(box.y + box.height);
        assertThat(box.y).isLessThan(label.y + label.height);
        Browsers.screenshot(page, "send-text-not-safe");
    }

    @Test
    void theAccountSidHintAndItsErrorSayDifferentThings() {
        logIn(newAdmin());
        page.navigate(baseUrl() + "/admin/twilio");
        Locator sid = page.getByLabel("Account SID", new Page.GetByLabelOptions().setExact(true));
        sid.fill("AC123");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        String hint = page.locator("#accountSid-hint").textContent();
        String error = page.locator("#accountSid-error").textContent();
        assertThat(hint).isEqualTo(
                "Twilio account SID: shown in the Account Info box on the home page of your Twilio console.");
        assertThat(error).startsWith("An Account SID is AC followed by 32 letters a to f and digits");
    }
}
