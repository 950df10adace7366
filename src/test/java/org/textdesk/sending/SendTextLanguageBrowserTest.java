package org.textdesk.sending;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.Axe;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.FakeTwilio;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * A Spanish-speaking client's Send Text form, at laptop (1280 px) and phone (390 px) width: the Spanish Quick
 * Entries come first under their own heading, the English ones after, and the counter knows that "á" makes a
 * Unicode text of 70 characters while "ñ" and "é" do not (issue 20, point 10).
 */
class SendTextLanguageBrowserTest extends BrowserTest {

    private static final long SPANISH = 2;

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    Staff casey;
    Client maria;

    @BeforeEach
    void aSpanishSpeakingClientAndQuickEntriesSomeInSpanish() {
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        maria = ClientFixture.client("Maria", "Lopez").cell("770", "555-0188").safe(true).okayToText(true)
                .language(SPANISH).create(clientService, as(casey));
        caseService.openCase(maria.getId(), "16E-20010101", "Rental assistance", LocalDate.of(2016, 8, 1), null);
        quickEntry(1, "Please contact our office as soon as possible regarding case {case_number}.",
                "Por favor, llame a nuestra oficina sobre el caso {case_number}.");
        quickEntry(2, "Our office is closed on Friday.", null);
        quickEntry(3, "Hello {first_name} {last_name}, your appointment tomorrow is confirmed.",
                "Hola {first_name} {last_name}, su cita de mañana está confirmada.");
    }

    private void quickEntry(int position, String english, String spanish) {
        long id = jdbc.queryForObject("insert into quick_entries (text, position, created_at, updated_at) "
                + "values (?, ?, now(), now()) returning id", Long.class, english, position);
        if (spanish != null) {
            jdbc.update("insert into quick_entry_versions (quick_entry_id, language_id, text, updated_at) "
                    + "values (?, ?, ?, now())", id, SPANISH, spanish);
        }
    }

    @Test
    void theSpanishQuickEntriesComeFirstAndTheCounterKnowsWhichAccentsAreUnicode() {
        for (int width : List.of(1280, 390)) {
            try (BrowserContext context = Browsers.chromium().newContext(
                    new Browser.NewContextOptions().setViewportSize(width, 900))) {
                context.setDefaultTimeout(30_000);
                Axe.enable(context);
                page = context.newPage();
                logIn(casey);
                sendASpanishQuickEntry(width);
            }
        }
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).extracting(post -> post.param("Body"))
                .containsExactly("Hola Maria Lopez, su cita de mañana está confirmada.",
                        "Hola Maria Lopez, su cita de mañana está confirmada.");
    }

    private void sendASpanishQuickEntry(int width) {
        page.navigate(baseUrl() + "/clients/" + maria.getId());
        assertThat(page.locator(".client-language")).hasText("Spanish");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Send Text")).click();

        Locator quickEntry = page.getByLabel("Quick Entry");
        Locator groups = quickEntry.locator("optgroup");
        assertThat(groups).hasCount(2);
        assertThat(groups.first()).hasAttribute("label", "Spanish (the client's language)");
        assertThat(groups.first().locator("option")).hasText(new String[] {
            "Por favor, llame a nuestra oficina sobre el caso {case_number}.",
            "Hola {first_name} {last_name}, su cita de mañana está confirmada."});
        assertThat(groups.nth(1)).hasAttribute("label", "English");
        assertThat(groups.nth(1).locator("option")).hasCount(3);

        Locator message = page.getByLabel("Text Message");
        Locator typed = page.locator("[data-sms-typed]");
        Locator left = page.locator("[data-sms-left]");
        Locator encodingNote = page.locator("[data-sms-encoding-note]");

        // No "á": GSM-7, 160 characters, the case number filled in from the client's only open case.
        quickEntry.selectOption(new SelectOption().setLabel(
                "Por favor, llame a nuestra oficina sobre el caso {case_number}."));
        assertThat(message).hasValue("Por favor, llame a nuestra oficina sobre el caso 16E-20010101.");
        assertThat(typed).hasText("62");
        assertThat(left).hasText("98");
        assertThat(encodingNote).isHidden();

        // "á" is not in the GSM 7-bit alphabet: a Unicode text, 70 at most, and the note says why.
        quickEntry.selectOption(new SelectOption().setLabel(
                "Hola {first_name} {last_name}, su cita de mañana está confirmada."));
        assertThat(message).hasValue("Hola Maria Lopez, su cita de mañana está confirmada.");
        assertThat(typed).hasText("52");
        assertThat(left).hasText("18");
        assertThat(encodingNote).hasText("This message contains á, which a phone can only receive in Unicode, so one "
                + "text holds at most 70 characters.");
        org.assertj.core.api.Assertions.assertThat(pageWidth()).as("no sideways scrolling at %d px", width)
                .isLessThanOrEqualTo(width);
        org.assertj.core.api.Assertions.assertThat(Axe.violations(page)).as("axe-core at %d px", width).isEmpty();
        Browsers.screenshot(page, width + "-send-text-spanish");

        // At the limit, typing "ñ" and "é" (GSM-7 letters, one each in a Unicode text too) stops like any letter.
        message.press("End");
        message.pressSequentially("ñé".repeat(10));
        assertThat(typed).hasText("70");
        assertThat(left).hasText("0");
        message.fill("Hola Maria Lopez, su cita de mañana está confirmada.");
        assertThat(left).hasText("18");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Message")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Accepted by Twilio");
    }

    private int pageWidth() {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    }
}
