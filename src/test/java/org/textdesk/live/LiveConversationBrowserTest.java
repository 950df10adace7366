package org.textdesk.live;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.Axe;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.FakeTwilio;
import org.textdesk.SecondInstance;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * Two things at once: a caseworker's conversation open in Chromium on this instance, and a text from the client
 * posted as Twilio posts it to the second instance on the same database. The text appears in the open thread
 * without a reload; My inbox, its count and the tab title follow; with permission, a browser notification names
 * the client and nothing else. Laptop and phone width, no sideways scrolling, no axe-core violation.
 */
class LiveConversationBrowserTest extends BrowserTest {

    /** Without a reload, within this: how fast is the benchmark's question (issue 19 point 5), not a loaded CI's. */
    private static final double LIVE_WAIT_MS = 15_000;

    /** Records the notifications the page shows instead of showing them; asks for nothing. */
    private static final String RECORDED_NOTIFICATIONS = """
            window.shownNotifications = [];
            class RecordedNotification {
                constructor(title, options) { window.shownNotifications.push({title: title, body: options && options.body}); }
                addEventListener() {}
            }
            RecordedNotification.permission = "default";
            RecordedNotification.requestPermission = function () {
                RecordedNotification.permission = "granted";
                return Promise.resolve("granted");
            };
            window.Notification = RecordedNotification;
            """;

    @Autowired
    ClientService clientService;

    @Autowired
    DataSource dataSource;

    Staff casey;
    Client jordan;
    String secondInstance;

    @BeforeEach
    void caseyAndHerClient() {
        configureTwilio();
        casey = newCaseworker();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        secondInstance = SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl()).baseUrl();
    }

    @Test
    void aTextTakenByTheOtherInstanceAppearsInTheOpenThreadWithoutAReload() {
        for (int width : List.of(1280, 390)) {
            try (BrowserContext context = Browsers.chromium().newContext(
                    new Browser.NewContextOptions().setViewportSize(width, 900))) {
                context.setDefaultTimeout(30_000);
                Axe.enable(context);
                page = context.newPage();
                logIn(casey);
                page.navigate(baseUrl() + "/clients/" + jordan.getId() + "/conversation");
                assertThat(page.locator("html")).hasAttribute("data-live", "open");
                page.evaluate("() => { window.notReloaded = true; }");

                String body = "Running late, I will be there at 3 (" + width + " px).";
                textFromJordan(body);

                Locator thread = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions()
                        .setName("Texts with Jordan Avery, oldest first"));
                assertThat(thread.locator("li.incoming").last()).containsText(body,
                        new LocatorAssertions.ContainsTextOptions().setTimeout(LIVE_WAIT_MS));
                assertThat(page.locator("#live-announcement")).hasText("New text.");
                assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
                // The thread is open, so the text is read: no count in the title.
                assertThat(page).hasTitle("Conversation with Jordan Avery");
                check(width, "live-conversation");
            }
        }
    }

    /**
     * The conversation's stream is its client's (live.js opens /events?client=...): a status callback taken by the
     * other instance shows in the open thread without a reload. Other pages are not sent statuses at all.
     */
    @Test
    void aStatusTakenByTheOtherInstanceShowsInTheOpenThreadWithoutAReload() {
        String sid = FakeTwilio.newMessageSid();
        long messageId = org.textdesk.texts.TextMessageRows.outbound(jdbc, jordan.getId(), "+14045387319", sid, "sent",
                "Your appointment is on Monday.", java.time.Instant.parse("2026-03-02T15:00:00Z"));
        logIn(casey);
        page.navigate(baseUrl() + "/clients/" + jordan.getId() + "/conversation");
        assertThat(page.locator("html")).hasAttribute("data-live", "open");
        Locator status = page.locator("#text-" + messageId + " .badge.status");
        assertThat(status).hasText("sent");
        page.evaluate("() => { window.notReloaded = true; }");

        assertThat(TwilioWebhookRequests.postHttp(secondInstance, "/twilio/status",
                TwilioWebhookRequests.statusCallback(sid, "delivered")).statusCode()).isEqualTo(200);

        assertThat(status).hasText("delivered", new LocatorAssertions.HasTextOptions().setTimeout(LIVE_WAIT_MS));
        assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
    }

    @Test
    void myInboxItsCountTheTitleAndANotificationThatNamesOnlyTheClient() {
        page.addInitScript(RECORDED_NOTIFICATIONS);
        logIn(casey);
        page.navigate(baseUrl() + "/inbox");
        assertThat(page.locator("html")).hasAttribute("data-live", "open");
        assertThat(page).hasTitle("My inbox");

        Locator turnOn = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tell me about new texts"));
        turnOn.click();
        assertThat(turnOn).isHidden();

        textFromJordan("Can we move my appointment to Friday?");

        assertThat(page.locator("ul.inbox-list")).containsText("Can we move my appointment to Friday?",
                new LocatorAssertions.ContainsTextOptions().setTimeout(LIVE_WAIT_MS));
        assertThat(page.locator("#nav-my-inbox")).containsText("1 unread");
        assertThat(page).hasTitle("(1) My inbox", new PageAssertions.HasTitleOptions().setTimeout(LIVE_WAIT_MS));
        page.waitForFunction("() => window.shownNotifications.length > 0");
        assertThat(page.evaluate("() => JSON.stringify(window.shownNotifications)"))
                .isEqualTo("[{\"title\":\"New text from Jordan\"}]");
    }

    private void textFromJordan(String body) {
        assertThat(TwilioWebhookRequests.postHttp(secondInstance, "/twilio/sms",
                TwilioWebhookRequests.incomingText(FakeTwilio.newMessageSid(), "+14045387319", body)).statusCode())
                .isEqualTo(200);
    }

    private void check(int width, String name) {
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) page.evaluate(
                "() => [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(widths.get(0).intValue()).as("page width at " + width + " px").isLessThanOrEqualTo(
                widths.get(1).intValue());
        assertThat(Axe.violations(page)).as("axe-core at " + width + " px").isEmpty();
        Browsers.screenshot(page, width + "-" + name);
    }
}
