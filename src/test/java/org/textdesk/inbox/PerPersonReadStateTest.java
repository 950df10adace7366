package org.textdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Read state per person, on PostgreSQL: opening a client's thread reads its texts for me only (My inbox, its count,
 * the thread's New marks and email alerts' summary), while the Incoming page keeps "read by anyone"; a new text makes
 * the thread unread again; one row per person and client, however many texts.
 */
class PerPersonReadStateTest extends IntegrationTest {

    private static final Pattern MY_INBOX_COUNT = Pattern.compile(
            "class=\"nav-my-inbox\"(?:(?!</a>)[\\s\\S])*?class=\"nav-count\">([^<]*)<");
    private static final Pattern INCOMING_COUNT = Pattern.compile(
            "class=\"nav-incoming\"(?:(?!</a>)[\\s\\S])*?class=\"nav-count\">([^<]*)<");

    @Autowired
    ClientService clientService;

    @Autowired
    IncomingTexts incomingTexts;

    @Autowired
    UnreadFromMyClients unreadFromMyClients;

    Staff casey;
    Staff robin;
    Client jordan;
    Client dana;

    @BeforeEach
    void twoCaseworkersWithAClientEach() {
        casey = newCaseworker();
        robin = newCaseworker();
        configureTwilio();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        dana = ClientFixture.client("Dana", "Brooks").cell("678", "555-0123").safe(true).okayToText(true)
                .create(clientService, as(robin));
    }

    private void receive(String from, String body) {
        incomingTexts.receive(FakeTwilio.newMessageSid(), from, TwilioSetupFixture.TWILIO_NUMBER, body, null);
    }

    private String page(String uri, Staff staff) {
        return countedGet(uri, staff).result();
    }

    private static String count(Pattern link, String page) {
        Matcher found = link.matcher(page);
        return found.find() ? found.group(1) : "none";
    }

    private String thread(Client client, Staff staff) {
        return page("/clients/" + client.getId() + "/conversation", staff);
    }

    @Test
    void anotherCaseworkerOpeningMyClientsThreadLeavesMyUnreadCountAsItWas() {
        receive("+14045387319", "Are you there?");
        receive("+14045387319", "Please call me");
        String before = page("/inbox", casey);
        assertThat(count(MY_INBOX_COUNT, before)).isEqualTo("2 unread");
        assertThat(count(INCOMING_COUNT, before)).isEqualTo("2 unread");

        // Robin covers for Casey and reads Jordan's thread: read by anyone (Incoming), not by Casey.
        assertThat(thread(jordan, robin)).contains(">New<");
        String caseysInbox = page("/inbox", casey);
        assertThat(count(MY_INBOX_COUNT, caseysInbox)).isEqualTo("2 unread");
        assertThat(count(INCOMING_COUNT, caseysInbox)).isEqualTo("none");
        assertThat(caseysInbox).contains("Are you there?", "Please call me");
        assertThat(unreadFromMyClients.unreadSummaryOf(casey.getId()).count()).isEqualTo(2);
        assertThat(thread(jordan, robin)).doesNotContain(">New<");

        // Casey opens it: New for her this once, then read for her too.
        String caseysThread = thread(jordan, casey);
        assertThat(caseysThread.split(">New<", -1)).hasSize(3);
        assertThat(count(MY_INBOX_COUNT, page("/inbox", casey))).isEqualTo("none");
        assertThat(page("/inbox", casey)).contains("No unread texts from your clients.");
        assertThat(unreadFromMyClients.unreadSummaryOf(casey.getId()))
                .isEqualTo(new UnreadFromMyClients.Unread(0, null));
        assertThat(thread(jordan, casey)).doesNotContain(">New<");
    }

    @Test
    void openingMyThreadLeavesAnotherCaseworkersCountAndANewTextMakesItUnreadAgain() {
        receive("+14045387319", "Are you there?");
        receive("+16785550123", "Dana's text to Robin");
        assertThat(count(MY_INBOX_COUNT, page("/inbox", robin))).isEqualTo("1 unread");

        thread(jordan, casey);
        assertThat(count(MY_INBOX_COUNT, page("/inbox", casey))).isEqualTo("none");
        String robins = page("/inbox", robin);
        assertThat(count(MY_INBOX_COUNT, robins)).isEqualTo("1 unread");
        assertThat(count(INCOMING_COUNT, robins)).as("Dana's text is read by nobody yet").isEqualTo("1 unread");

        receive("+14045387319", "One more thing");
        String caseys = page("/inbox", casey);
        assertThat(count(MY_INBOX_COUNT, caseys)).isEqualTo("1 unread");
        assertThat(caseys).contains("One more thing").doesNotContain("Are you there?");
        String thread = thread(jordan, casey);
        assertThat(thread.split(">New<", -1)).as("only the new text is New").hasSize(2);
        assertThat(thread.indexOf(">New<")).as("after the text read before").isGreaterThan(
                thread.indexOf("Are you there?"));
    }

    @Test
    void readStateIsOneRowPerPersonAndClientHoweverOftenAndHoweverManyTexts() {
        for (int i = 1; i <= 5; i++) {
            receive("+14045387319", "Text " + i);
            thread(jordan, casey);
            thread(jordan, robin);
        }
        page("/clients/" + jordan.getId() + "/texts", casey);
        long newest = jdbc.queryForObject("select max(id) from text_messages", Long.class);
        assertThat(jdbc.queryForList("select staff_id, client_id, through_text_id from inbox_read_marks"
                + " order by staff_id")).hasSize(2)
                .allSatisfy(row -> assertThat(row).containsEntry("client_id", jordan.getId())
                        .containsEntry("through_text_id", newest));
    }

    @Test
    void theTextsPageReadsForMeAndOneOpenedTextOnlyForTheOffice() {
        receive("+14045387319", "Are you there?");
        long text = jdbc.queryForObject("select id from text_messages", Long.class);

        // Robin opens the one text: read by anyone; Casey still has it unread (her view was kept as her mark).
        page("/texts/" + text, robin);
        assertThat(count(INCOMING_COUNT, page("/inbox", casey))).isEqualTo("none");
        assertThat(count(MY_INBOX_COUNT, page("/inbox", casey))).isEqualTo("1 unread");
        assertThat(jdbc.queryForObject("select count(*) from inbox_read_marks where staff_id = ?", Integer.class,
                casey.getId())).isEqualTo(1);

        page("/clients/" + jordan.getId() + "/texts", casey);
        assertThat(count(MY_INBOX_COUNT, page("/inbox", casey))).isEqualTo("none");
    }

    @Test
    void aCaseworkerWhoNeverOpenedTheThreadSeesWhatNobodyHasReadAndAlertsSayTheSame() {
        clock.pin(Instant.parse("2026-03-02T15:00:00Z"));
        receive("+14045387319", "Are you there?");
        clock.pin(Instant.parse("2026-03-02T16:00:00Z"));
        receive("+14045387319", "Please call me");
        // Read by someone before read state was per person (the office-wide mark, as V28 found it).
        jdbc.update("update text_messages set read_at = now() where body = 'Are you there?'");

        assertThat(count(MY_INBOX_COUNT, page("/inbox", casey))).isEqualTo("1 unread");
        assertThat(unreadFromMyClients.unreadSummaryOf(casey.getId())).isEqualTo(
                new UnreadFromMyClients.Unread(1, Instant.parse("2026-03-02T16:00:00Z")));

        // Robin reads the thread: Casey keeps exactly that view.
        thread(jordan, robin);
        assertThat(unreadFromMyClients.unreadSummaryOf(casey.getId())).isEqualTo(
                new UnreadFromMyClients.Unread(1, Instant.parse("2026-03-02T16:00:00Z")));
        assertThat(thread(jordan, casey).split(">New<", -1)).hasSize(2);
        assertThat(unreadFromMyClients.unreadSummaryOf(casey.getId()))
                .isEqualTo(new UnreadFromMyClients.Unread(0, null));
    }
}
