package org.textdesk.history;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.texts.StatusHistory;
import org.textdesk.texts.TextingData;

class TextsBrowserTest extends BrowserTest {

    private static final LocatorAssertions.HasTextOptions WITHIN_POLLS = new LocatorAssertions.HasTextOptions()
            .setTimeout(20_000);

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    @Autowired
    StatusHistory statusHistory;

    Staff casey;
    Client jordan;
    CaseRecord rentalCase;

    @BeforeEach
    void aClientWhoMayBeTexted() {
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        rentalCase = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
    }

    @Test
    void theMessageStatusChangesWithoutReloadingAndStopsAskingOnceFinal() {
        // The page's timers run on Playwright's clock (in real time until told otherwise), so that the end of the
        // test can move the page 20 minutes ahead at once instead of sleeping; the page counts its status requests.
        page.clock().install();
        page.addInitScript("""
                window.statusFetches = 0;
                const fetchAsBrowsersDo = window.fetch;
                window.fetch = function (url, options) {
                    if (String(url).endsWith('/status')) {
                        window.statusFetches++;
                    }
                    return fetchAsBrowsersDo.call(this, url, options);
                };
                """);
        logIn(casey);
        page.navigate(baseUrl() + "/clients/" + jordan.getId() + "/texts/new");
        page.getByLabel("Case #").selectOption(new SelectOption().setLabel("16E-20010101 Rental assistance"));
        page.getByLabel("Text Message").fill(
                "Please remember that you are to bring your rental agreement tomorrow when we meet.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Message")).click();
        page.waitForURL(Pattern.compile(".*/texts/\\d+$"));
        long messageId = Long.parseLong(page.url().replaceAll(".*/texts/", ""));

        Locator status = page.locator("#message-status .current-status .badge");
        assertThat(status).hasText("queued");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh status")))
                .isVisible();
        page.evaluate("window.sameDocument = true");
        AtomicInteger statusRequests = new AtomicInteger();
        page.onRequest(request -> {
            if (request.url().endsWith("/texts/" + messageId + "/status")) {
                statusRequests.incrementAndGet();
            }
        });

        reportStatus(messageId, "sent");
        assertThat(status).hasText("sent", WITHIN_POLLS);
        assertThat(page.locator("table.status-history tbody tr")).hasCount(2);
        assertThat(page.locator("#message-status-announcement")).hasText("Status: sent");

        reportStatus(messageId, "delivered");
        assertThat(status).hasText("delivered", WITHIN_POLLS);
        assertThat(status).hasClass(Pattern.compile("\\bok\\b"));
        Locator history = page.locator("table.status-history tbody tr");
        assertThat(history).hasCount(3);
        assertThat(history.nth(0)).containsText("queued");
        assertThat(history.nth(1)).containsText("sent");
        assertThat(history.nth(2)).containsText("delivered");
        assertThat(page.locator("#message-status")).hasAttribute("data-status-polling", "stopped");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh status")))
                .hasCount(0);
        assertThat(page.locator(".disclaimer")).containsText("Delivery should never be assumed");
        assertThat(page.evaluate("window.sameDocument")).as("the page was not reloaded").isEqualTo(true);
        Browsers.screenshot(page, "message-status");

        assertThat(statusRequests.get()).isPositive();
        int asked = ((Number) page.evaluate("window.statusFetches")).intValue();
        assertThat(asked).isPositive();
        // 20 minutes of the page's time: past the 2-second and the 15-second polling delays
        page.clock().runFor(20 * 60 * 1000);
        assertThat(((Number) page.evaluate("window.statusFetches")).intValue())
                .as("no more requests once the status is final").isEqualTo(asked);
    }

    @Test
    void textsShowBothSidesAndIncomingTextsFromUnknownNumbersCanBeAttached() {
        TextingData data = new TextingData(jdbc);
        Instant sent = Instant.parse("2016-08-17T18:30:55Z");
        long first = data.outboundText().toClient(jordan.getId(), "+14045387319").inCase(rentalCase.getId())
                .sentBy(casey.getId())
                .body("Please remember that you are to bring your rental agreement tomorrow when we meet.")
                .status("delivered").sentAt(sent).insert();
        statusHistory.record(first, "queued", null, sent);
        statusHistory.record(first, "sent", null, sent.plusSeconds(1));
        statusHistory.record(first, "delivered", null, sent.plusSeconds(1));
        data.incoming("+14045387319", "OK. Can we meet at 3 instead?", sent.plusSeconds(600), jordan.getId());
        data.outboundText().toClient(jordan.getId(), "+14045387319").inCase(rentalCase.getId()).sentBy(casey.getId())
                .body("3 works. See you then.")
                .status("undelivered").errorCode("30003").sentAt(sent.plusSeconds(900)).insert();
        long unknown = data.incoming("+14045550100", "Hi, this is Jordan Avery, new phone.",
                sent.plusSeconds(3600));

        logIn(casey);
        assertThat(page.locator("header.top .nav-incoming .nav-count")).hasText("2 unread");
        page.navigate(baseUrl() + "/clients/" + jordan.getId());
        assertThat(page.locator(".texting-flags")).containsText("1 unread text from this client");
        assertThat(page.locator(".texting-flags")).containsText("Last text did not get through");
        Browsers.screenshot(page, "client-record-texts-flags");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Texts").setExact(true)).click();

        Locator rows = page.locator("table.texts tbody tr");
        assertThat(rows).hasCount(3);
        assertThat(rows.nth(0)).containsText("undelivered");
        assertThat(rows.nth(1)).containsText("From the client");
        assertThat(rows.nth(1)).containsText("New");
        assertThat(rows.nth(2)).containsText("8/17/2016 2:30:55 PM");
        assertThat(rows.nth(2)).containsText("404-538-7319");
        Browsers.screenshot(page, "texts");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Incoming")).first().click();
        assertThat(page.locator("header.top .nav-incoming .nav-count")).hasText("1 unread");
        assertThat(page.locator("table.incoming-texts tbody tr")).hasCount(2);
        Browsers.screenshot(page, "incoming");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Attach to a client")).click();
        page.getByLabel("Search").fill("Avery");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach to Jordan Avery")).click();
        assertThat(page).hasURL(baseUrl() + "/clients/" + jordan.getId() + "/texts");
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("The text is now in the Texts of Jordan Avery.");
        assertThat(page.locator("table.texts tbody tr").first()).containsText("Hi, this is Jordan Avery, new phone.");
        assertThat(page.locator("header.top .nav-incoming .nav-count")).hasCount(0);
        assertThat(jdbc.queryForObject("select count(*) from client_texts where text_message_id = ?", Integer.class,
                unknown)).isEqualTo(1);
    }

    /** A status report as Twilio's status callback records it (to become a signed POST /twilio/status). */
    /** Twilio's status callback for the message, signed and posted over HTTP as Twilio does. */
    private void reportStatus(long messageId, String status) {
        String sid = jdbc.queryForObject("select twilio_sid from text_messages where id = ?", String.class, messageId);
        HttpResponse<String> answer = TwilioWebhookRequests.postHttp(baseUrl(), "/twilio/status",
                TwilioWebhookRequests.statusCallback(sid, status));
        assertThat(answer.statusCode()).isEqualTo(200);
    }
}
