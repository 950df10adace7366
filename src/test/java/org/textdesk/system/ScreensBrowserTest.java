package org.textdesk.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.Axe;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.texts.TextingData;

/**
 * Every main screen, logged in as each role, at laptop width (1280 px) and phone width (390 px): the page is
 * never wider than the window (no sideways scrolling), nothing it asks for is missing (no 404, favicon
 * included), and axe-core finds no violation. A screenshot of each is kept under target/screenshots as
 * {@code <width>-<role>-<screen>.png}.
 */
class ScreensBrowserTest extends BrowserTest {

    private static final int LAPTOP = 1280;
    private static final int PHONE = 390;

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    Staff casey;
    Staff admin;
    Map<String, String> staffScreens;
    Map<String, String> adminScreens;

    @BeforeEach
    void aClientWithTextsOfEveryKind() {
        casey = newCaseworker();
        admin = newAdmin();
        configureTwilio();
        Client jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        CaseRecord rental = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
        TextingData texting = new TextingData(jdbc);
        Instant now = Instant.now();
        long sent = texting.outboundText().toClient(jordan.getId(), "+14045387319").inCase(rental.getId())
                    .sentBy(casey.getId())
                    .body("Please remember that you are to bring your rental agreement tomorrow when we meet at the "
                            + "office on Peachtreestreetandsomeverylongwordthatdoesnotbreak.")
                    .status("delivered").sentAt(now.minusSeconds(3600)).insert();
        long notSent = texting.outboundText().toClient(jordan.getId(), "+14045387319").inCase(rental.getId())
                    .sentBy(casey.getId()).body("Your appointment is moved to Friday at 10.")
                    .status("not_sent").errorCode("NETWORK").sentAt(now.minusSeconds(1800)).insert();
        long incoming = texting.incoming("+14045387319", "Thanks, I will bring it. See you tomorrow!",
                now.minusSeconds(600), jordan.getId());
        long unknownNumber = texting.incoming("+14045550000", "Who is this?", now.minusSeconds(300));
        jdbc.update("insert into quick_entries (text, position, created_at, updated_at) values "
                + "(?, 1, now(), now()), (?, 2, now(), now())",
                "Please contact our office as soon as possible regarding case {case_number}.",
                "You missed your appointment. Please contact our office to set a new time.");
        long quickEntry = jdbc.queryForObject("select min(id) from quick_entries", Long.class);

        staffScreens = new LinkedHashMap<>();
        staffScreens.put("clients", "/clients");
        staffScreens.put("client-record", "/clients/" + jordan.getId());
        staffScreens.put("client-new", "/clients/new");
        staffScreens.put("send-text", "/clients/" + jordan.getId() + "/texts/new");
        staffScreens.put("texts", "/clients/" + jordan.getId() + "/texts");
        staffScreens.put("text-sent", "/texts/" + sent);
        staffScreens.put("text-not-sent", "/texts/" + notSent);
        staffScreens.put("text-incoming", "/texts/" + incoming);
        staffScreens.put("incoming", "/incoming");
        staffScreens.put("case", "/cases/" + rental.getId());
        staffScreens.put("case-texts", "/cases/" + rental.getId() + "/texts");
        staffScreens.put("case-print", "/cases/" + rental.getId() + "/texts/print");
        staffScreens.put("case-new", "/clients/" + jordan.getId() + "/cases/new");
        staffScreens.put("case-edit", "/cases/" + rental.getId() + "/edit");
        staffScreens.put("client-edit", "/clients/" + jordan.getId() + "/edit");
        staffScreens.put("text-unknown-number", "/texts/" + unknownNumber);
        staffScreens.put("attach", "/incoming/" + unknownNumber + "/attach");
        staffScreens.put("conversation", "/clients/" + jordan.getId() + "/conversation");
        staffScreens.put("my-inbox", "/inbox");
        staffScreens.put("unassigned", "/inbox/unassigned");

        staffScreens.put("scheduled", "/scheduled");
        staffScreens.put("client-time-zone", "/clients/" + jordan.getId() + "/time-zone");

        staffScreens.put("my-settings", "/settings");
        adminScreens = new LinkedHashMap<>(staffScreens);
        adminScreens.put("twilio-setup", "/admin/twilio");
        adminScreens.put("quiet-hours", "/admin/quiet-hours");
        adminScreens.put("quick-entries", "/admin/quick-entries");
        adminScreens.put("quick-entry-new", "/admin/quick-entries/new");
        adminScreens.put("quick-entry-edit", "/admin/quick-entries/" + quickEntry + "/edit");
        adminScreens.put("quick-entry-delete", "/admin/quick-entries/" + quickEntry + "/delete");
        adminScreens.put("languages", "/admin/languages");
        adminScreens.put("staff", "/admin/staff");
        adminScreens.put("caseloads", "/admin/caseloads");
        adminScreens.put("staff-new", "/admin/staff/new");
        adminScreens.put("staff-password", "/admin/staff/" + casey.getId() + "/password");
        jdbc.update("insert into export_records (staff_id, opened_at, kind, case_id, client_id) values (?, now(), 'CSV', ?, ?)",
                casey.getId(), rental.getId(), jordan.getId());
        adminScreens.put("retention", "/admin/retention");
        adminScreens.put("exports", "/admin/exports");
        jdbc.update("insert into coverage_opens (staff_id, client_id, covering_for, opened, opened_at)"
                + " values (?, ?, ?, 'CONVERSATION', now())", admin.getId(), jordan.getId(), casey.getId());
        adminScreens.put("coverage-opens", "/admin/coverage-opens");
    }

    @Test
    void everyScreenOfACaseworkerFitsAndPassesAxeAtBothWidths() {
        List<String> problems = new ArrayList<>();
        for (int width : List.of(LAPTOP, PHONE)) {
            check(width, casey, "caseworker", staffScreens, problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyScreenOfAnAdminFitsAndPassesAxeAtBothWidths() {
        List<String> problems = new ArrayList<>();
        for (int width : List.of(LAPTOP, PHONE)) {
            check(width, admin, "admin", adminScreens, problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theLoginPageFitsAndPassesAxeAtBothWidths() {
        List<String> problems = new ArrayList<>();
        for (int width : List.of(LAPTOP, PHONE)) {
            check(width, null, "anyone", Map.of("login", "/login"), problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void atPhoneWidthTheHeaderFoldsIntoAMenuAndTablesBecomeStackedRows() {
        try (BrowserContext phone = Browsers.chromium().newContext(
                new Browser.NewContextOptions().setViewportSize(PHONE, 800))) {
            page = phone.newPage();
            logIn(casey);
            page.navigate(baseUrl() + staffScreens.get("texts"));
            Locator clientsLink = page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Clients"));
            Locator menu = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"));
            assertThat(clientsLink).isHidden();
            assertThat(menu).hasAttribute("aria-expanded", "false");
            // A stacked row: each cell under the one before, with its column's heading.
            Locator firstRow = page.locator("table.records tbody tr").first();
            Locator cells = firstRow.locator("td");
            assertThat(cells.first()).hasAttribute("data-label", "Message");
            double firstTop = cells.nth(0).boundingBox().y;
            double secondTop = cells.nth(1).boundingBox().y;
            assertThat(secondTop).isGreaterThan(firstTop);
            assertThat(cells.nth(0).boundingBox().x).isEqualTo(cells.nth(1).boundingBox().x);

            menu.click();
            assertThat(menu).hasAttribute("aria-expanded", "true");
            assertThat(clientsLink).isVisible();
            Browsers.screenshot(page, "390-caseworker-menu-open");
            clientsLink.click();
            page.waitForURL(url -> url.endsWith("/clients"));
        }
        page = browserContext.newPage();
        logIn(casey);
        page.navigate(baseUrl() + staffScreens.get("texts"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"))).isHidden();
        assertThat(page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Clients"))).isVisible();
    }

    private void check(int width, Staff staff, String role, Map<String, String> screens, List<String> problems) {
        try (BrowserContext context = Browsers.chromium().newContext(
                new Browser.NewContextOptions().setViewportSize(width, 800))) {
            context.setDefaultTimeout(30_000);
            Axe.enable(context);
            page = context.newPage();
            List<String> missing = new ArrayList<>();
            page.onResponse(response -> {
                if (response.status() == 404) {
                    missing.add(response.url());
                }
            });
            if (staff != null) {
                logIn(staff);
            }
            screens.forEach((screen, path) -> {
                String where = width + " px, " + role + ", " + screen + " (" + path + "): ";
                page.navigate(baseUrl() + path);
                page.waitForLoadState();
                assertThat(page.url()).as(where + "not redirected elsewhere").endsWith(path);
                @SuppressWarnings("unchecked")
                List<Number> widths = (List<Number>) page.evaluate(
                        "() => [document.documentElement.scrollWidth, window.innerWidth]");
                if (widths.get(0).intValue() > widths.get(1).intValue()) {
                    problems.add(where + "the page is " + widths.get(0) + " px wide in a window of " + widths.get(1));
                }
                Axe.violations(page).forEach(violation -> problems.add(where + violation));
                Browsers.screenshot(page, width + "-" + role + "-" + screen);
                missing.forEach(url -> problems.add(where + "404 for " + url));
                missing.clear();
            });
        }
    }
}
