package org.textdesk.hardening;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.FakeTwilio;
import org.textdesk.inbox.IncomingTexts;
import org.textdesk.twiliosetup.TwilioSetupFixture;
import org.textdesk.BrowserTest;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Role;
import org.textdesk.staff.Staff;

/**
 * Stored XSS, in Chromium: client names, case titles, Quick Entry messages, outgoing text bodies and a
 * staff name holding {@link Attacks} show as plain text on every page that shows them. No script runs
 * (no dialog opens), nothing becomes markup, and Chromium reports no Content-Security-Policy violation
 * (which would mean markup got through and only the policy stopped it).
 */
class StoredXssBrowserTest extends BrowserTest {

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    @Autowired
    IncomingTexts incomingTexts;

    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<String> policyViolations = new CopyOnWriteArrayList<>();

    private Staff admin;
    private Client client;
    private Client otherClient;
    private final List<CaseRecord> cases = new ArrayList<>();
    private final List<Long> messageIds = new ArrayList<>();

    @BeforeEach
    void recordsFullOfPayloads() {
        page.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });

        admin = staffService.createStaff("xssadmin", Attacks.IMG_ONERROR, Role.ADMIN, STAFF_PASSWORD);
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        client = ClientFixture.client(Attacks.SCRIPT, Attacks.IMG_ONERROR).cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(admin));
        otherClient = ClientFixture.client(Attacks.JAVASCRIPT_URL, "Linkson").cell("404", "538-7320").safe(true).okayToText(true)
                .create(clientService, as(admin));
        int n = 0;
        for (String payload : Attacks.ALL) {
            n++;
            cases.add(caseService.openCase(client.getId(), "16E-2001010" + n, payload, LocalDate.of(2016, 8, n), null));
            jdbc.update("insert into quick_entries (text, position, created_at, updated_at) values (?, ?, now(), now())",
                    payload, n);
            String location = mvc.post().uri("/clients/{id}/texts", client.getId()).with(user(as(admin))).with(csrf())
                    .param("body", payload + " sent " + n).param("sendKey", UUID.randomUUID().toString()).exchange()
                    .getMvcResult().getResponse().getRedirectedUrl();
            assertThat(location).matches("/texts/\\d+");
            messageIds.add(Long.valueOf(location.substring("/texts/".length())));
        }
        logIn(admin);
    }

    @AfterEach
    void noScriptRanAndNothingWasBlocked() {
        assertThat(dialogs).as("dialogs opened by injected scripts").isEmpty();
        assertThat(policyViolations).as("Content-Security-Policy violations").isEmpty();
    }

    @Test
    void theClientsListAndTheClientRecordShowNamesAndCaseTitlesAsText() {
        open("/clients");
        showsLiterally(Attacks.SCRIPT, Attacks.IMG_ONERROR, Attacks.JAVASCRIPT_URL);

        open("/clients/" + client.getId());
        showsLiterally(Attacks.SCRIPT, Attacks.IMG_ONERROR, Attacks.JAVASCRIPT_URL);
        open("/clients/" + otherClient.getId());
        showsLiterally(Attacks.JAVASCRIPT_URL);
    }

    @Test
    void eachCasePageShowsItsTitleAsText() {
        for (int i = 0; i < cases.size(); i++) {
            open("/cases/" + cases.get(i).getId());
            showsLiterally(Attacks.ALL.get(i));
        }
    }

    @Test
    void theQuickEntryListShowsTheMessagesAsText() {
        open("/admin/quick-entries");
        showsLiterally(Attacks.SCRIPT, Attacks.IMG_ONERROR, Attacks.JAVASCRIPT_URL);
    }

    @Test
    void theSendFormPutsQuickEntriesIntoTheMessageAsText() {
        open("/clients/" + client.getId() + "/texts/new");
        for (String payload : Attacks.ALL) {
            assertThat(page.getByLabel("Case #").locator("option", new Locator.LocatorOptions().setHasText(payload)))
                    .hasCount(1);
        }
        for (int i = 0; i < Attacks.ALL.size(); i++) {
            page.getByLabel("Quick Entry").selectOption(new SelectOption().setIndex(i + 1));
            assertThat(page.getByLabel("Text Message")).hasValue(Attacks.ALL.get(i));
            noMarkupSlippedIn();
        }
    }

    @Test
    void theMessagePagesShowTheBodiesAsText() {
        for (int i = 0; i < messageIds.size(); i++) {
            open("/texts/" + messageIds.get(i));
            showsLiterally(Attacks.ALL.get(i) + " sent " + (i + 1));
        }
    }

    @Test
    void incomingBodiesTheTextsTimelineAndTheIncomingPageShowEverythingAsText() {
        for (int i = 0; i < Attacks.ALL.size(); i++) {
            incomingTexts.receive(FakeTwilio.newMessageSid(), i == 0 ? "+14045387319" : "+1770555010" + i,
                    TwilioSetupFixture.TWILIO_NUMBER, Attacks.ALL.get(i) + " received " + i, null);
        }
        open("/incoming");
        for (int i = 0; i < Attacks.ALL.size(); i++) {
            showsLiterally(Attacks.ALL.get(i) + " received " + i);
        }
        open("/clients/" + client.getId() + "/texts");
        showsLiterally(Attacks.ALL.get(0) + " received 0");
        for (int i = 0; i < Attacks.ALL.size(); i++) {
            showsLiterally(Attacks.ALL.get(i) + " sent " + (i + 1));
        }
        open("/cases/" + cases.get(0).getId() + "/texts");
        open("/cases/" + cases.get(0).getId() + "/texts/print");
        for (Long inbound : jdbc.queryForList("select id from text_messages where direction = 'INBOUND'", Long.class)) {
            open("/texts/" + inbound);
        }
    }

    private void open(String path) {
        page.navigate(baseUrl() + path);
        page.waitForLoadState();
        noMarkupSlippedIn();
    }

    private void showsLiterally(String... payloads) {
        for (String payload : payloads) {
            assertThat(page.getByText(payload).first()).isVisible();
        }
    }

    private void noMarkupSlippedIn() {
        assertThat(page.locator("img[src='x']").count()).as("an injected <img>").isZero();
        assertThat(page.locator("script:not([src])").count()).as("an inline <script>").isZero();
        assertThat(page.locator("[onerror], [onclick], [onload]").count()).as("an event handler").isZero();
        assertThat(page.locator("a[href^='javascript:']").count()).as("a javascript: link").isZero();
    }
}
