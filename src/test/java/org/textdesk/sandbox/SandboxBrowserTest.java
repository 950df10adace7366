package org.textdesk.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Role;
import org.textdesk.staff.Staff;

/**
 * The whole loop a newcomer walks with the sandbox on, in Chromium: a caseworker sends a text and watches it
 * reach delivered without reloading, answers as the client on the Client's phone, sees the answer in Incoming,
 * texts STOP and START from the phone and sees Okay to Text change, calls, and sends a picture. Each step has a
 * screenshot under target/screenshots; axe-core finds no violation on any page.
 */
@SandboxOn
class SandboxBrowserTest extends BrowserTest {

    @Autowired
    SandboxTwilioSetup sandboxTwilioSetup;

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    Staff casey;
    Client jordan;

    @BeforeEach
    void theDemoCaseworkerAndClient() {
        assertThat(sandboxTwilioSetup.apply()).isTrue();
        casey = staffService.createStaff("casey", "Casey Worker", Role.CASEWORKER, STAFF_PASSWORD);
        jordan = ClientFixture.create(clientService, as(casey), "Jordan", "Avery", "404", "538-7319",
                true, true);
        caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance", LocalDate.of(2016, 8, 1), null);
        logIn(casey);
    }

    @Test
    void sendWatchDeliveredAnswerAsTheClientStopAndStart() {
        page.navigate(baseUrl() + "/clients/" + jordan.getId());
        assertThat(page.getByText("Sandbox: texts go to the simulated phone, not to real phones")).isVisible();
        step("sandbox-1-client-record");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Send Text")).click();
        page.getByLabel("Text Message").fill("Hello Jordan, your appointment is on Friday at 10.");
        step("sandbox-2-send-text");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Message")).click();
        page.waitForURL(url -> url.matches(".*/texts/\\d+"));
        String messagePage = page.url();
        Locator status = page.locator("#message-status");
        // The page is not reloaded: message-status.js puts each new status in place.
        page.evaluate("() => { window.notReloaded = true; }");
        assertThat(status).containsText("delivered", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        assertThat(status).containsText("sent");
        assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
        assertThat(page.url()).isEqualTo(messagePage);
        step("sandbox-3-delivered");

        page.navigate(baseUrl() + "/clients/" + jordan.getId());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Client's phone")).click();
        Locator conversation = page.locator("ol.bubbles");
        assertThat(conversation).containsText("Hello Jordan, your appointment is on Friday at 10.");
        page.getByLabel("Text from the client").fill("Can we make it 11 instead?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send text")).click();
        assertThat(page.getByText("The text reached TextDesk.")).isVisible();
        assertThat(conversation).containsText("Can we make it 11 instead?");
        step("sandbox-4-phone-answers");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Incoming")).click();
        assertThat(page.getByText("Can we make it 11 instead?")).isVisible();
        step("sandbox-5-incoming");

        page.navigate(baseUrl() + "/clients/" + jordan.getId() + "/phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("STOP").setExact(true)).click();
        assertThat(page.getByText("The text reached TextDesk.")).isVisible();
        page.navigate(baseUrl() + "/clients/" + jordan.getId());
        assertThat(okayToText()).hasText("No");
        step("sandbox-6-stop-unticks-okay-to-text");

        page.navigate(baseUrl() + "/clients/" + jordan.getId() + "/phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("START").setExact(true)).click();
        assertThat(page.getByText("The text reached TextDesk.")).isVisible();
        page.navigate(baseUrl() + "/clients/" + jordan.getId());
        assertThat(okayToText()).hasText("Yes");
        step("sandbox-7-start-ticks-okay-to-text");

        page.navigate(baseUrl() + "/clients/" + jordan.getId() + "/phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Call the Twilio number")).click();
        assertThat(page.locator(".spoken")).containsText(
                "Thank you for calling. This number does not accept incoming calls.");
        step("sandbox-8-call");

        page.getByLabel("Picture").selectOption("RECEIPT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send picture")).click();
        assertThat(page.getByText("The picture reached TextDesk.")).isVisible();
        assertThat(page.locator("img.bubble-picture")).hasAttribute("src", "/images/sandbox/receipt.jpg");
        step("sandbox-9-picture");
    }

    private Locator okayToText() {
        return page.locator("dl.client-record dt:text-is('Okay to Text') + dd");
    }

    /** A screenshot of the step, and no accessibility violation on its page. */
    private void step(String name) {
        Browsers.screenshot(page, name);
        List<Rule> violations = new AxeBuilder(page).analyze().getViolations();
        assertThat(violations).as(name + ": axe-core violations").extracting(Rule::getId).isEmpty();
    }
}
