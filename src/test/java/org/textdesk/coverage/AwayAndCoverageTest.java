package org.textdesk.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.twilio.WebhookAddresses;
import org.textdesk.twiliosetup.TwilioSetupFixture;
import org.w3c.dom.Element;

/**
 * Away and coverage on PostgreSQL (issue 21 point 1): the away message instead of the Text Response once per
 * client per day and never to keywords, the covering colleague's inbox, the end at "until" by the clock alone,
 * and the record of opens through coverage with its admin page.
 */
class AwayAndCoverageTest extends IntegrationTest {

    /** Tuesday 10 March 2026, 10:00 in New York (the organisation's zone in tests). */
    static final Instant MONDAY_TEN = Instant.parse("2026-03-10T14:00:00Z");
    static final String AWAY_MESSAGE = "Casey is away until Friday. Robin is covering: call 404-555-0100.";
    static final String JORDAN_CELL = "+14045387319";
    static final String DANA_CELL = "+16785550123";
    static final String LEE_CELL = "+17705550111";

    @Autowired
    ClientService clientService;

    Staff casey;
    Staff robin;
    Staff sam;
    Staff admin;
    Client jordan;
    Client dana;
    Client lee;

    @BeforeEach
    void caseloads() {
        clock.pin(MONDAY_TEN);
        casey = newCaseworker();
        robin = newCaseworker();
        sam = newCaseworker();
        admin = newAdmin();
        configureTwilio();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        dana = ClientFixture.client("Dana", "Brooks").cell("678", "555-0123").safe(true).okayToText(true)
                .create(clientService, as(casey));
        lee = ClientFixture.client("Lee", "Carter").cell("770", "555-0111").safe(true).okayToText(true)
                .create(clientService, as(sam));
    }

    /** Casey away from Monday 9:00 until Friday 17:00 (New York), Robin covering, set on My settings. */
    private void caseyAwayUntilFriday() {
        assertThat(setAway(casey, "2026-03-09T09:00", "2026-03-13T17:00", AWAY_MESSAGE, robin.getId().toString()))
                .hasRedirectedUrl("/settings");
    }

    private MvcTestResult setAway(Staff who, String from, String until, String message, String coveredBy) {
        return mvc.post().uri("/settings/away").with(user(as(who))).with(csrf()).param("awayFrom", from)
                .param("awayUntil", until).param("message", message).param("coveredBy", coveredBy).exchange();
    }

    /** The text of each Message of the TwiML answer to a text from {@code from}; empty for an empty Response. */
    private List<String> answerTo(String from, String body) {
        return answer(TwilioWebhookRequests.incomingText(FakeTwilio.newMessageSid(), from, body));
    }

    private List<String> answer(Map<String, String> params) {
        MvcTestResult result = TwilioWebhookRequests.post(mvc, WebhookAddresses.SMS_PATH, params);
        assertThat(result).hasStatusOk().hasContentType("text/xml;charset=UTF-8");
        try {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(result.getResponse().getContentAsByteArray())).getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("Response");
            List<String> messages = new java.util.ArrayList<>();
            for (int i = 0; i < root.getChildNodes().getLength(); i++) {
                messages.add(root.getChildNodes().item(i).getTextContent());
            }
            return messages;
        } catch (Exception unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    private String page(String uri, Staff staff) {
        return countedGet(uri, staff).result();
    }

    @Test
    void theAwayMessageGoesOncePerClientPerDayInsteadOfTheTextResponseAndNeverToAKeyword() {
        caseyAwayUntilFriday();

        assertThat(answerTo(JORDAN_CELL, "help!")).as("Twilio answers its help words itself; no away message")
                .containsExactly(TwilioSetupFixture.TEXT_RESPONSE);
        assertThat(answer(TwilioWebhookRequests.incomingText(FakeTwilio.newMessageSid(), JORDAN_CELL, "info",
                "HELP", null))).as("Twilio's OptOutType HELP").isEmpty();
        assertThat(answer(TwilioWebhookRequests.incomingText(FakeTwilio.newMessageSid(), JORDAN_CELL, "stop texting",
                "STOP", null))).as("Twilio's OptOutType STOP").isEmpty();
        assertThat(answerTo(JORDAN_CELL, "START")).as("a keyword").isEmpty();
        assertThat(answerTo(JORDAN_CELL, "Is my appointment on Monday?")).containsExactly(AWAY_MESSAGE);
        assertThat(answerTo(JORDAN_CELL, "Hello?")).as("the same day: told already, nothing").isEmpty();
        assertThat(answerTo(DANA_CELL, "Can we talk?")).as("another client of Casey's").containsExactly(AWAY_MESSAGE);
        assertThat(answerTo(LEE_CELL, "Hi Sam")).as("Sam is not away").containsExactly(TwilioSetupFixture.TEXT_RESPONSE);

        clock.pin(Instant.parse("2026-03-11T03:59:00Z")); // 23:59 the same day in New York
        assertThat(answerTo(JORDAN_CELL, "Still there?")).isEmpty();
        clock.pin(Instant.parse("2026-03-11T04:00:00Z")); // midnight: the next day
        assertThat(answerTo(JORDAN_CELL, "Good morning")).containsExactly(AWAY_MESSAGE);

        assertThat(jdbc.queryForList("select client_id || ' ' || replied_on || ' ' || staff_id from away_replies"
                + " order by replied_on, client_id", String.class)).containsExactly(
                jordan.getId() + " 2026-03-10 " + casey.getId(), dana.getId() + " 2026-03-10 " + casey.getId(),
                jordan.getId() + " 2026-03-11 " + casey.getId());
        assertThat(jdbc.queryForObject("select count(*) from text_messages where direction = 'INBOUND'", Long.class))
                .as("every text is kept").isEqualTo(10);
    }

    @Test
    void awayEndsByItselfAtUntil() {
        caseyAwayUntilFriday();
        clock.pin(Instant.parse("2026-03-13T20:59:59Z")); // Friday 16:59:59 in New York
        assertThat(answerTo(JORDAN_CELL, "Friday afternoon")).containsExactly(AWAY_MESSAGE);
        assertThat(page("/inbox", robin)).contains("Covering for " + casey.getDisplayName(), "Friday afternoon");

        clock.pin(Instant.parse("2026-03-13T21:00:00Z")); // Friday 17:00: back
        assertThat(answerTo(DANA_CELL, "Friday evening")).containsExactly(TwilioSetupFixture.TEXT_RESPONSE);
        assertThat(page("/inbox", robin)).doesNotContain("Covering for", "Friday evening", "Friday afternoon");
        assertThat(page("/inbox", casey)).contains("Friday afternoon", "Friday evening");
        page("/clients/" + jordan.getId() + "/conversation", robin);
        assertThat(jdbc.queryForObject("select count(*) from coverage_opens", Long.class)).isZero();
        assertThat(page("/settings", casey)).doesNotContain("You are away", "I am back");
    }

    @Test
    void aPeriodStillToComeIsNotYetAway() {
        assertThat(setAway(casey, "2026-03-12T09:00", "2026-03-13T17:00", AWAY_MESSAGE, robin.getId().toString()))
                .hasRedirectedUrl("/settings");
        assertThat(page("/settings", casey)).contains("You will be away from 3/12/2026 9:00:00 AM until 3/13/2026"
                + " 5:00:00 PM; " + robin.getDisplayName() + " will cover for you.");
        assertThat(answerTo(JORDAN_CELL, "Wednesday")).containsExactly(TwilioSetupFixture.TEXT_RESPONSE);
        clock.pin(Instant.parse("2026-03-12T13:00:00Z")); // Thursday 9:00
        assertThat(answerTo(JORDAN_CELL, "Thursday")).containsExactly(AWAY_MESSAGE);
        assertThat(page("/settings", casey)).contains("You are away until 3/13/2026 5:00:00 PM; "
                + robin.getDisplayName() + " covers for you.");

        // Back early: "I am back" ends it at once.
        assertThat(mvc.post().uri("/settings/away/end").with(user(as(casey))).with(csrf()))
                .hasRedirectedUrl("/settings");
        assertThat(jdbc.queryForObject("select count(*) from staff_away", Long.class)).isZero();
        assertThat(answerTo(DANA_CELL, "Thursday again")).containsExactly(TwilioSetupFixture.TEXT_RESPONSE);
    }

    @Test
    void theCoveringColleaguesInboxHasTheAwayCaseworkersClientsTexts() {
        caseyAwayUntilFriday();
        answerTo(JORDAN_CELL, "Jordan's question");
        answerTo(DANA_CELL, "Dana's question");
        answerTo(LEE_CELL, "Lee's question");

        String robinsInbox = page("/inbox", robin);
        assertThat(robinsInbox).contains("Covering for " + casey.getDisplayName(), "Jordan Avery",
                "Jordan&#39;s question", "Dana Brooks", "Dana&#39;s question",
                "href=\"/clients/" + jordan.getId() + "/conversation\"").doesNotContain("Lee");
        assertThat(robinsInbox).containsPattern("class=\"nav-my-inbox\"(?:(?!</a>)[\\s\\S])*>2 unread<");
        assertThat(page("/inbox", sam)).contains("Lee&#39;s question").doesNotContain("Covering for", "Jordan");
        assertThat(page("/inbox", casey)).contains("Jordan&#39;s question", "Dana&#39;s question")
                .doesNotContain("Covering for");
    }

    @Test
    void everyOpenThroughCoverageIsRecordedAndShownToAdmins() {
        caseyAwayUntilFriday();
        page("/clients/" + jordan.getId() + "/conversation", robin);
        clock.advance(Duration.ofMinutes(1));
        page("/clients/" + jordan.getId() + "/texts", robin);
        clock.advance(Duration.ofMinutes(1));
        page("/clients/" + dana.getId(), robin);
        // Not through coverage: Casey's own, Sam's (not covering), Robin's open of Sam's client.
        page("/clients/" + jordan.getId() + "/conversation", casey);
        page("/clients/" + jordan.getId() + "/texts", sam);
        page("/clients/" + lee.getId(), robin);

        assertThat(jdbc.queryForList("select staff_id || ' ' || client_id || ' ' || covering_for || ' ' || opened"
                + " from coverage_opens order by opened_at", String.class)).containsExactly(
                robin.getId() + " " + jordan.getId() + " " + casey.getId() + " CONVERSATION",
                robin.getId() + " " + jordan.getId() + " " + casey.getId() + " TEXTS",
                robin.getId() + " " + dana.getId() + " " + casey.getId() + " RECORD");
        assertThat(jdbc.queryForList("select opened_at from coverage_opens order by opened_at", Instant.class))
                .containsExactly(MONDAY_TEN, MONDAY_TEN.plusSeconds(60), MONDAY_TEN.plusSeconds(120));

        String adminPage = page("/admin/coverage-opens", admin);
        assertThat(adminPage).contains("Opens through coverage", "3/10/2026 10:02:00 AM",
                robin.getDisplayName() + " (" + robin.getUsername() + ")", "Dana Brooks", "Client record",
                "Texts page", "Conversation", "href=\"/clients/" + dana.getId() + "\"");
        assertThat(adminPage.indexOf("10:02:00 AM")).as("newest first").isLessThan(adminPage.indexOf("10:00:00 AM"));
        assertThat(mvc.get().uri("/admin/coverage-opens").with(user(as(robin)))).hasStatus(403);
    }

    @Test
    void refusedAwaySettingsSayWhyKeepWhatWasTypedAndWriteNothing() {
        String robinsId = robin.getId().toString();
        assertThat(setAway(casey, "2026-03-13T17:00", "2026-03-13T09:00", AWAY_MESSAGE, robinsId)).hasStatusOk()
                .bodyText().contains("Until must be after Away from.", "value=\"2026-03-13T17:00\"",
                        "value=\"2026-03-13T09:00\"", "Robin is covering");
        assertThat(setAway(casey, "2026-03-01T09:00", "2026-03-09T17:00", AWAY_MESSAGE, robinsId)).hasStatusOk()
                .bodyText().contains("Until must be in the future.");
        assertThat(setAway(casey, "next week", "2026-03-13T17:00", AWAY_MESSAGE, robinsId)).hasStatusOk()
                .bodyText().contains("Enter a date and time such as", "value=\"next week\"");
        assertThat(setAway(casey, "2026-03-09T09:00", "", AWAY_MESSAGE, robinsId)).hasStatusOk()
                .bodyText().contains("Enter a date and time.");
        assertThat(setAway(casey, "2026-03-09T09:00", "2026-03-13T17:00", "  ", robinsId)).hasStatusOk()
                .bodyText().contains("Enter the away message your clients will get.");
        assertThat(setAway(casey, "2026-03-09T09:00", "2026-03-13T17:00", "x".repeat(161), robinsId)).hasStatusOk()
                .bodyText().contains("The away message must fit in one text message (160 characters).");
        assertThat(setAway(casey, "2026-03-09T09:00", "2026-03-13T17:00", "Away \uD83C\uDF34 " + "x".repeat(70),
                robinsId)).hasStatusOk().bodyText().contains("must fit in one text message (70 characters).");
        for (String notAColleague : List.of(casey.getId().toString(), "abc", "", "999999")) {
            assertThat(setAway(casey, "2026-03-09T09:00", "2026-03-13T17:00", AWAY_MESSAGE, notAColleague))
                    .as(notAColleague).hasStatusOk().bodyText().contains("Choose a colleague to cover for you.");
        }
        jdbc.update("update staff set enabled = false where id = ?", sam.getId());
        assertThat(setAway(casey, "2026-03-09T09:00", "2026-03-13T17:00", AWAY_MESSAGE, sam.getId().toString()))
                .hasStatusOk().bodyText().contains("Choose a colleague to cover for you.");
        assertThat(jdbc.queryForObject("select count(*) from staff_away", Long.class)).isZero();

        // Saved, then shown again on the form.
        caseyAwayUntilFriday();
        assertThat(page("/settings", casey)).contains("value=\"2026-03-09T09:00\"", "value=\"2026-03-13T17:00\"",
                "Robin is covering", "<option value=\"" + robinsId + "\" selected=\"selected\"");
    }
}
