package org.textdesk.client;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.cases.CaseService;
import org.textdesk.staff.Staff;
import org.textdesk.staff.StaffPrincipal;

class ClientBrowserTest extends BrowserTest {

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    Staff casey;

    @BeforeEach
    void aCaseworker() {
        casey = newCaseworker();
    }

    @Test
    void aCaseworkerCorrectsAWrongNumberTicksOkayToTextAndSeesTheRecord() {
        logIn(casey);
        assertThat(page).hasURL(baseUrl() + "/clients");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New client")).click();

        label("First name").fill("Jordan");
        label("Last name").fill("Avery");
        label("Area code").fill("404");
        label("Number").fill("911-1234");
        label("Safe").check();
        save();

        assertThat(page.locator("#cellNumber-error")).hasText(
                "404-911-1234 is not a valid US phone number. Check the area code and the number.");
        assertThat(label("Number")).hasAttribute("aria-describedby", "cellNumber-error");
        assertThat(label("Number")).hasValue("911-1234");
        assertThat(label("Area code")).hasValue("404");
        assertThat(label("First name")).hasValue("Jordan");
        assertThat(label("Last name")).hasValue("Avery");
        assertThat(label("Safe")).isChecked();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please correct the fields marked below.");
        Browsers.screenshot(page, "client-new-refused");

        label("Number").fill("5387319");
        label("Okay to Text").check();
        save();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Jordan Avery"))).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Client Jordan Avery added.");
        assertThat(page.locator(".cell-display")).hasText("404 538-7319");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Send Text").setExact(true)))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Texts").setExact(true)))
                .isVisible();
        Locator history = page.locator("table.consent-history tbody tr");
        assertThat(history).hasCount(1);
        assertThat(history.first()).containsText("Ticked");
        assertThat(history.first()).containsText(casey.getDisplayName());
        Browsers.screenshot(page, "client-record");
    }

    @Test
    void theClientsListSearchesAndSaysWhoMayBeTexted() {
        Client jordan = create("Jordan", "Avery", "404", "538-7319", true);
        caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance", LocalDate.of(2016, 8, 1), null);
        create("Dana", "Brooks", "678", "555-0123", false);
        create("Sam", "Carter", "", "", false);
        create("Maria", "Lopez", "770", "555-0188", true);
        create("Luis", "Lopez", "770", "555-0188", false);
        logIn(casey);

        Locator rows = page.locator("table.records tbody tr");
        assertThat(rows).hasCount(5);
        assertThat(rows.nth(2)).containsText("Carter, Sam");
        assertThat(rows.nth(2)).containsText("No: no valid cell number");
        Browsers.screenshot(page, "clients-list");

        label("Search").fill("(770) 555-0188");
        label("Search").press("Enter");
        assertThat(rows).hasCount(2);
        assertThat(rows.nth(0)).containsText("Lopez, Luis");
        assertThat(rows.nth(0)).containsText("No: Okay to Text is unticked");
        assertThat(rows.nth(1)).containsText("Lopez, Maria");
        assertThat(rows.nth(1)).containsText("Yes");
        assertThat(label("Search")).hasValue("(770) 555-0188");

        label("Search").fill("16e-20010101");
        label("Search").press("Enter");
        assertThat(rows).hasCount(1);
        rows.first().getByRole(AriaRole.LINK).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Jordan Avery"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("16E-20010101")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Case 16E-20010101")))
                .isVisible();
        Browsers.screenshot(page, "case-page");
    }

    @Test
    void sendTextIsDisabledWithTheReasonBesideIt() {
        Client dana = create("Dana", "Brooks", "678", "555-0123", false);
        logIn(casey);
        page.navigate(baseUrl() + "/clients/" + dana.getId());
        Locator sendText = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Text"));
        assertThat(sendText).isDisabled();
        assertThat(sendText).hasAccessibleDescription("Texting is not possible: Okay to Text is unticked.");
        assertThat(page.locator("#send-text-blocked")).isVisible();
        Browsers.screenshot(page, "client-record-not-textable");
    }

    @Test
    void changingTheCellOnTheEditFormUnticksOkayToTextUntilTickedAgain() {
        Client jordan = create("Jordan", "Avery", "404", "538-7319", true);
        logIn(casey);
        page.navigate(baseUrl() + "/clients/" + jordan.getId() + "/edit");
        Locator okayToText = label("Okay to Text");
        Locator note = page.locator("#okay-to-text-note");
        assertThat(okayToText).isChecked();
        assertThat(note).isHidden();

        label("Number").fill("555-0142");
        assertThat(okayToText).not().isChecked();
        assertThat(note).isVisible();
        Browsers.screenshot(page, "client-edit-cell-changed");

        okayToText.check();
        assertThat(note).isHidden();
        save();

        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Client Jordan Avery saved.");
        Client saved = clientService.findClient(jordan.getId());
        assertThat(page.locator(".cell-display")).hasText("404 555-0142");
        org.assertj.core.api.Assertions.assertThat(saved.isOkayToText()).isTrue();
        org.assertj.core.api.Assertions.assertThat(saved.getCellE164()).isEqualTo("+14045550142");
        assertThat(page.locator("table.consent-history tbody tr").first()).containsText("Cell number changed");
    }

    @Test
    void anUnknownClientIsTheFriendlyNotFoundPage() {
        logIn(casey);
        page.navigate(baseUrl() + "/clients/999999");
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Not found");
    }

    private Locator label(String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }

    private void save() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
    }

    private Client create(String firstName, String lastName, String areaCode, String number, boolean okayToText) {
        ClientDetails details = new ClientDetails(firstName, lastName, areaCode, number, true, okayToText, "");
        return clientService.createClient(details, StaffPrincipal.of(casey));
    }
}
