package org.textdesk.conversation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
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
import org.textdesk.inbox.IncomingTexts;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * The thread and its reply box in Chromium at laptop and phone width: both directions, a picture as a
 * thumbnail, the live counter, a refusal that keeps the text, a reply that shows in the thread; no sideways
 * scrolling and no axe-core violation.
 */
class ConversationBrowserTest extends BrowserTest {

    @Autowired
    ClientService clientService;

    @Autowired
    IncomingTexts incomingTexts;

    Staff casey;
    Client jordan;

    @BeforeEach
    void aClientWhoTextedWithAPicture() {
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(false).okayToText(true)
                .create(clientService, as(casey));
        jdbc.update("insert into quick_entries (text, position, created_at, updated_at) values (?, 1, now(), now())",
                "Hello {first_name}, see you at the office.");
        incomingTexts.receive(FakeTwilio.newMessageSid(), "+14045387319", TwilioSetupFixture.TWILIO_NUMBER,
                "Hi, here is the receipt you asked for.", null);
        long picture = jdbc.queryForObject("select id from text_messages where direction = 'INBOUND'", Long.class);
        jdbc.update("""
                insert into text_media (text_message_id, position, twilio_url, declared_type, state, content_type,
                    size_bytes, content, next_attempt_at)
                values (?, 0, 'https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME', 'image/png',
                    'STORED', 'image/png', ?, ?, now())""", picture, ConversationTest.PNG.length, ConversationTest.PNG);
    }

    @Test
    void aCaseworkerRepliesInTheThreadAtLaptopAndPhoneWidth() {
        for (int width : List.of(1280, 390)) {
            try (BrowserContext context = Browsers.chromium().newContext(
                    new Browser.NewContextOptions().setViewportSize(width, 900))) {
                context.setDefaultTimeout(30_000);
                Axe.enable(context);
                page = context.newPage();
                logIn(casey);
                page.navigate(baseUrl() + "/clients/" + jordan.getId());
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Conversation")).click();

                Locator thread = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions()
                        .setName("Texts with Jordan Avery, oldest first"));
                assertThat(thread.locator("li.incoming").first()).containsText("Hi, here is the receipt you asked for.");
                assertThat(thread.locator("li.incoming img.thumbnail").first()).isVisible();
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All texts (Texts page)")))
                        .isVisible();

                Locator message = page.getByLabel("Text Message");
                page.getByLabel("Quick Entry").selectOption(new SelectOption().setIndex(1));
                assertThat(message).hasValue("Hello Jordan, see you at the office.");
                assertThat(page.locator("[data-sms-typed]")).hasText("36");
                assertThat(page.locator("[data-sms-left]")).hasText("124");

                // Jordan is not marked Safe: without the confirmation the server refuses, keeping the text.
                String reply = "Thanks Jordan, got it (" + width + ").";
                message.fill(reply);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Message")).click();
                assertThat(page.locator("#confirmNotSafe-error")).hasText(
                        "Tick this box to confirm you want to text a client who is not marked Safe.");
                assertThat(page.getByLabel("Text Message")).hasValue(reply);
                check(width, "conversation-refused");

                page.getByLabel("I understand that this client is not marked Safe, and I want to send this text.").check();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Message")).click();
                assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Text handed to Twilio.");
                Locator sent = thread.locator("li.outgoing").last();
                assertThat(sent).containsText(reply);
                assertThat(sent).containsText(casey.getDisplayName());
                assertThat(sent).containsText("queued");
                assertThat(page.getByLabel("Text Message")).hasValue("");
                check(width, "conversation");
            }
        }
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(2);
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
