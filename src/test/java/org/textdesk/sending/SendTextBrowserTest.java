package org.textdesk.sending;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.FakeTwilio;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

class SendTextBrowserTest extends BrowserTest {

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    Staff casey;
    Client jordan;

    @BeforeEach
    void aClientACaseAndQuickEntries() {
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance", LocalDate.of(2016, 8, 1), null);
        jdbc.update("insert into quick_entries (text, position, created_at, updated_at) values "
                + "(?, 1, now(), now()), (?, 2, now(), now())",
                "Hello {first_name}, please contact our office as soon as possible regarding case {case_number}.",
                "You missed your appointment. Please contact our office...");
        logIn(casey);
    }

    @Test
    void quickEntryCounterLimitPasteAndSendShowQueued() {
        page.navigate(baseUrl() + "/clients/" + jordan.getId());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Send Text")).click();
        assertThat(page.getByText("404-538-7319")).isVisible();
        Locator message = page.getByLabel("Text Message");
        Locator typed = page.locator("[data-sms-typed]");
        Locator left = page.locator("[data-sms-left]");
        assertThat(typed).hasText("0");
        assertThat(left).hasText("160");

        page.getByLabel("Case #").selectOption(new SelectOption().setLabel("16E-20010101 Rental assistance"));
        page.getByLabel("Quick Entry").selectOption(new SelectOption().setIndex(1));
        String filled = "Hello Jordan, please contact our office as soon as possible regarding case 16E-20010101.";
        assertThat(message).hasValue(filled);
        assertThat(typed).hasText(String.valueOf(filled.length()));
        assertThat(left).hasText(String.valueOf(160 - filled.length()));
        Browsers.screenshot(page, "send-text-quick-entry");

        // Typing stops at the limit: keys pressed beyond it change nothing.
        message.fill("");
        message.pressSequentially("x".repeat(158));
        message.pressSequentially("{abc");
        assertThat(left).hasText("0");
        assertThat(typed).hasText("160");
        assertThat(message).hasValue("x".repeat(158) + "{");
        assertThat(page.getByText("One text is full")).isVisible();

        // Pasting an emoji switches to Unicode: the limit becomes 70 and the paste is cut at it.
        message.fill("");
        message.focus();
        pasteText(message, "See you soon \uD83D\uDE42 " + "y".repeat(80));
        assertThat(left).hasText("0");
        assertThat(typed).hasText("70");
        // The counter's note names the character that forced Unicode (messages.properties texting.counter.unicode).
        assertThat(page.getByText("This message contains \uD83D\uDE42, which a phone can only receive in Unicode, "
                + "so one text holds at most 70 characters.", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByText("What you pasted did not fit")).isVisible();

        message.fill("Please bring your rental agreement tomorrow.");
        assertThat(left).hasText(String.valueOf(160 - 44));
        Browsers.screenshot(page, "send-text-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Message")).click();

        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Accepted by Twilio \u2014 status: queued");
        Browsers.screenshot(page, "send-text-result");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH).get(0).param("Body"))
                .isEqualTo("Please bring your rental agreement tomorrow.");
    }

    @Test
    void aQuickEntryPlaceholderIsFilledFromTheCaseAndNeverSentBlank() {
        Locator caseNumber = page.getByLabel("Case #");
        Locator quickEntry = page.getByLabel("Quick Entry");
        Locator message = page.getByLabel("Text Message");
        Locator placeholderNote = page.locator("#body-placeholder-note");

        // The client's only open case is chosen already, so the Quick Entry is whole at once.
        page.navigate(baseUrl() + "/clients/" + jordan.getId() + "/texts/new");
        assertThat(caseNumber.locator("option:checked")).hasText("16E-20010101 Rental assistance");
        quickEntry.selectOption(new SelectOption().setIndex(1));
        assertThat(message).hasValue(
                "Hello Jordan, please contact our office as soon as possible regarding case 16E-20010101.");
        assertThat(placeholderNote).isHidden();

        // With two open cases none is guessed: the placeholder stays, marked, until a case is chosen.
        long second = caseService.openCase(jordan.getId(), "16E-20010202", "Housing", LocalDate.of(2016, 9, 1), null)
                .getId();
        page.navigate(baseUrl() + "/clients/" + jordan.getId() + "/texts/new");
        assertThat(caseNumber.locator("option:checked")).hasText("(no case)");
        quickEntry.selectOption(new SelectOption().setIndex(1));
        assertThat(message).hasValue(
                "Hello Jordan, please contact our office as soon as possible regarding case {case_number}.");
        assertThat(placeholderNote).hasText(
                "Choose the case in Case # to fill in {case_number}, or type the case number in its place.");
        assertThat(message).hasAttribute("aria-invalid", "true");
        Browsers.screenshot(page, "send-text-placeholder-marked");

        caseNumber.selectOption(new SelectOption().setLabel("16E-20010101 Rental assistance"));
        assertThat(message).hasValue(
                "Hello Jordan, please contact our office as soon as possible regarding case 16E-20010101.");
        assertThat(placeholderNote).isHidden();
        caseNumber.selectOption(new SelectOption().setLabel("16E-20010202 Housing"));
        assertThat(message).hasValue(
                "Hello Jordan, please contact our office as soon as possible regarding case 16E-20010202.");
        caseNumber.selectOption(new SelectOption().setLabel("(no case)"));
        assertThat(message).hasValue(
                "Hello Jordan, please contact our office as soon as possible regarding case {case_number}.");

        // The server refuses it too, and keeps the text.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Message")).click();
        assertThat(page.locator("#body-error")).hasText("The message still has {case_number} in it. "
                + "Choose the case in Case # to fill it in, or type the case number in its place.");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        caseNumber.selectOption(new SelectOption().setLabel("16E-20010202 Housing"));
        assertThat(message).hasValue(
                "Hello Jordan, please contact our office as soon as possible regarding case 16E-20010202.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Message")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Accepted by Twilio");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH).get(0).param("Body")).isEqualTo(
                "Hello Jordan, please contact our office as soon as possible regarding case 16E-20010202.");

        // Opened from a case, the form has that case chosen.
        page.navigate(baseUrl() + "/clients/" + jordan.getId() + "/texts/new?caseId=" + second);
        assertThat(caseNumber.locator("option:checked")).hasText("16E-20010202 Housing");
    }

    @Test
    void anEmojiRefusedAtTheLimitSaysWhy() {
        page.navigate(baseUrl() + "/clients/" + jordan.getId() + "/texts/new");
        Locator message = page.getByLabel("Text Message");
        message.fill("x".repeat(120));
        message.press("End");
        message.pressSequentially("\uD83D\uDE00");
        assertThat(message).hasValue("x".repeat(120));
        assertThat(page.locator("[data-sms-left]")).hasText("40");
        assertThat(page.locator("[data-sms-cut-note]")).hasText(
                "\uD83D\uDE00 would make this a Unicode text, which holds 70 characters.");
        Browsers.screenshot(page, "send-text-emoji-refused");
    }

    @Test
    void aRefusedSendKeepsWhatWasTyped() {
        Client notSafe = ClientFixture.client("Nia", "Notsafe").cell("404", "538-7322").safe(false).okayToText(true)
                .create(clientService, as(casey));
        page.navigate(baseUrl() + "/clients/" + notSafe.getId() + "/texts/new");
        assertThat(page.getByText("not marked Safe").first()).isVisible();
        page.getByLabel("Text Message").fill("Call us back, please.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Message")).click();
        assertThat(page.getByText("Tick this box to confirm")).isVisible();
        assertThat(page.getByLabel("Text Message")).hasValue("Call us back, please.");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        page.getByLabel("I understand that this client is not marked Safe").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Message")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Accepted by Twilio");
    }

    @Test
    void sendMessageIsDisabledWithTheReasonWhenTwilioSetupIsOff() {
        jdbc.update("update twilio_settings set enabled = false");
        page.navigate(baseUrl() + "/clients/" + jordan.getId() + "/texts/new");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Message"))).isDisabled();
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("Twilio");
    }

    /** A real paste event (inputType insertFromPaste), as a person pasting would cause. */
    private void pasteText(Locator field, String text) {
        field.evaluate("""
                (el, text) => {
                  el.dispatchEvent(new InputEvent('beforeinput', {inputType: 'insertFromPaste', data: text,
                      bubbles: true, cancelable: true}));
                  el.setRangeText(text, el.selectionStart, el.selectionEnd, 'end');
                  el.dispatchEvent(new InputEvent('input', {inputType: 'insertFromPaste', data: text, bubbles: true}));
                }""", text);
    }
}
