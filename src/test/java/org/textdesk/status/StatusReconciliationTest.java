package org.textdesk.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.FakeTwilio.Answer;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.system.Flash;
import org.textdesk.texts.TextMessageRows;
import org.textdesk.texts.TwilioErrorCodes;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Reconciliation against the fake Twilio API: texts whose status has not settled are looked up and what
 * Twilio says is recorded by the callbacks' rules; texts whose send answer was lost are found by body or,
 * after 30 minutes, marked not sent. The job itself is off in tests: they run it with {@code reconcile()}.
 */
class StatusReconciliationTest extends IntegrationTest {

    static final String SID = "SM" + "c".repeat(32);
    static final String BODY = "Please bring your rental agreement tomorrow.";

    @Autowired
    StatusReconciliation reconciliation;

    @Autowired
    ClientService clientService;

    @Autowired
    ApplicationContext context;

    FakeTwilio.MessageStore twilio;
    Staff casey;
    Client jordan;
    Instant now;

    @BeforeEach
    void aClientTextedThroughTwilio() {
        configureTwilio();
        twilio = fakeTwilio.serveMessages();
        casey = newCaseworker();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        now = Instant.now();
    }

    @Test
    void theJobIsOffInTests() {
        assertThat(context.getBeanNamesForType(StatusReconciliationJob.class)).isEmpty();
    }

    @Test
    void aTextStillSentAfterHalfAnHourIsFetchedAndItsNewStatusRecorded() {
        long text = sentText(SID, "sent", minutesAgo(40));
        twilio.put(SID, TwilioSetupFixture.ACCOUNT_SID, jordan.getCellE164(), TwilioSetupFixture.TWILIO_NUMBER, BODY,
                "delivered", null, minutesAgo(40), minutesAgo(39));

        reconciliation.reconcile();

        assertThat(status(text)).isEqualTo("delivered");
        assertThat(history(text)).containsExactly("sent", "delivered");
        assertThat(checkedAt(text)).isNotNull();
        List<FakeTwilio.RecordedRequest> fetches = fakeTwilio.requests("GET", FakeTwilio.MESSAGE_PATH);
        assertThat(fetches).singleElement().satisfies(fetch -> {
            assertThat(fetch.path()).endsWith("/Messages/" + SID + ".json");
            assertThat(fetch.basicUsername()).isEqualTo(TwilioSetupFixture.ACCOUNT_SID);
            assertThat(fetch.basicPassword()).isEqualTo(TwilioSetupFixture.AUTH_TOKEN);
        });
    }

    @Test
    void aLowerStatusFromTwilioIsKeptInTheHistoryOnly() {
        long text = sentText(SID, "sending", minutesAgo(40));
        jdbc.update("update text_messages set status = 'sent', status_rank = 2 where id = ?", text);
        twilio.put(SID, TwilioSetupFixture.ACCOUNT_SID, jordan.getCellE164(), TwilioSetupFixture.TWILIO_NUMBER, BODY,
                "queued", null, minutesAgo(40), null);
        reconciliation.reconcile();
        assertThat(status(text)).isEqualTo("sent");
        assertThat(history(text)).containsExactly("sending", "queued");
    }

    @Test
    void youngFinalOldAndIncomingTextsAreNotAsked() {
        sentText(SID, "sent", minutesAgo(10));
        sentText("SM" + "d".repeat(32), "delivered", minutesAgo(40));
        sentText("SM" + "e".repeat(32), "sent", now.minus(Duration.ofDays(4)));
        jdbc.update("""
                insert into text_messages (direction, to_number, from_number, body, twilio_sid, status, status_rank,
                    created_at, status_changed_at)
                values ('INBOUND', ?, ?, 'Hi', ?, 'received', 3, ?, ?)""", TwilioSetupFixture.TWILIO_NUMBER,
                jordan.getCellE164(), "SM" + "f".repeat(32), utc(minutesAgo(40)), utc(minutesAgo(40)));
        reconciliation.reconcile();
        assertThat(fakeTwilio.requests()).isEmpty();
    }

    @Test
    void aTextThatStaysSentIsAskedAboutLessAndLessOften() {
        long text = sentText(SID, "sent", minutesAgo(40));
        twilio.put(SID, TwilioSetupFixture.ACCOUNT_SID, jordan.getCellE164(), TwilioSetupFixture.TWILIO_NUMBER, BODY,
                "sent", null, minutesAgo(40), minutesAgo(40));
        reconciliation.reconcile();
        reconciliation.reconcile();
        assertThat(fakeTwilio.requests("GET", FakeTwilio.MESSAGE_PATH)).hasSize(1);

        // Asked when 50 minutes old: asked again no sooner than 50 minutes later.
        jdbc.update("update text_messages set created_at = ?, status_checked_at = ? where id = ?",
                utc(minutesAgo(90)), utc(minutesAgo(40)), text);
        reconciliation.reconcile();
        assertThat(fakeTwilio.requests("GET", FakeTwilio.MESSAGE_PATH)).hasSize(1);
        jdbc.update("update text_messages set created_at = ?, status_checked_at = ? where id = ?",
                utc(minutesAgo(110)), utc(minutesAgo(55)), text);
        reconciliation.reconcile();
        assertThat(fakeTwilio.requests("GET", FakeTwilio.MESSAGE_PATH)).hasSize(2);
        assertThat(history(text)).containsExactly("sent");
    }

    @Test
    void whenTwilioCannotBeAskedNothingChanges() {
        long text = sentText(SID, "sent", minutesAgo(40));
        fakeTwilio.answer("GET", FakeTwilio.MESSAGE_PATH, Answer.twilioError(503, 20503, "Service Unavailable"));
        reconciliation.reconcile();
        assertThat(status(text)).isEqualTo("sent");
        assertThat(history(text)).containsExactly("sent");
        assertThat(checkedAt(text)).isNull();
    }

    @Test
    void withoutTwilioSetupNothingIsAsked() {
        sentText(SID, "sent", minutesAgo(40));
        jdbc.update("delete from twilio_settings");
        reconciliation.reconcile();
        assertThat(fakeTwilio.requests()).isEmpty();
    }

    @Test
    void error21610FoundByReconciliationUnticksOkayToText() {
        long text = sentText(SID, "sent", minutesAgo(40));
        twilio.put(SID, TwilioSetupFixture.ACCOUNT_SID, jordan.getCellE164(), TwilioSetupFixture.TWILIO_NUMBER, BODY,
                "failed", 21610, minutesAgo(40), minutesAgo(40));
        reconciliation.reconcile();
        assertThat(status(text)).isEqualTo("failed");
        assertThat(clientService.findClient(jordan.getId()).isOkayToText()).isFalse();
        assertThat(jdbc.queryForObject("select detail from consent_events where source = 'TWILIO_ERROR'", String.class))
                .isEqualTo("21610");
    }

    @Test
    void aTextWhoseSendAnswerWasLostIsFoundByItsBodyAndSettled() {
        Instant sentAt = minutesAgo(40);
        long text = sentText(null, "unknown", sentAt);
        String found = "SM" + "1".repeat(32);
        twilio.put("SM" + "2".repeat(32), TwilioSetupFixture.ACCOUNT_SID, jordan.getCellE164(),
                TwilioSetupFixture.TWILIO_NUMBER, "Another text", "delivered", null, sentAt, sentAt.plusSeconds(1));
        twilio.put("SM" + "3".repeat(32), TwilioSetupFixture.ACCOUNT_SID, jordan.getCellE164(),
                TwilioSetupFixture.TWILIO_NUMBER, BODY, "delivered", null, sentAt.minus(Duration.ofHours(20)),
                sentAt.minus(Duration.ofHours(20)));
        twilio.put("SM" + "4".repeat(32), TwilioSetupFixture.ACCOUNT_SID, "+14155550123",
                TwilioSetupFixture.TWILIO_NUMBER, BODY, "delivered", null, sentAt, sentAt.plusSeconds(1));
        twilio.put(found, TwilioSetupFixture.ACCOUNT_SID, jordan.getCellE164(), TwilioSetupFixture.TWILIO_NUMBER, BODY,
                "delivered", null, sentAt.plusSeconds(1), sentAt.plusSeconds(2));

        reconciliation.reconcile();

        assertThat(jdbc.queryForObject("select twilio_sid from text_messages where id = ?", String.class, text))
                .isEqualTo(found);
        assertThat(status(text)).isEqualTo("delivered");
        assertThat(history(text)).containsExactly("unknown", "delivered");
        FakeTwilio.RecordedRequest list = fakeTwilio.requests("GET", FakeTwilio.MESSAGES_PATH).get(0);
        String query = URLDecoder.decode(list.query(), StandardCharsets.UTF_8);
        assertThat(query).contains("To=" + jordan.getCellE164(), "From=" + TwilioSetupFixture.TWILIO_NUMBER,
                "DateSent>=");
    }

    @Test
    void aTextWhoseSendAnswerWasLostAndThatTwilioNeverGotIsMarkedNotSentAfterHalfAnHour() {
        long young = sentText(null, "unknown", minutesAgo(10));
        long old = sentText(null, "unknown", minutesAgo(40));
        // Same body, but that text is already another message's: it must not be taken twice.
        sentText("SM" + "7".repeat(32), "delivered", minutesAgo(41));
        twilio.put("SM" + "7".repeat(32), TwilioSetupFixture.ACCOUNT_SID, jordan.getCellE164(),
                TwilioSetupFixture.TWILIO_NUMBER, BODY, "delivered", null, minutesAgo(41), minutesAgo(41));

        reconciliation.reconcile();

        assertThat(status(young)).isEqualTo("unknown");
        assertThat(status(old)).isEqualTo("not_sent");
        assertThat(history(old)).containsExactly("unknown", "not_sent");
        assertThat(jdbc.queryForObject("select error_code from text_messages where id = ?", String.class, old))
                .isEqualTo(TwilioErrorCodes.NOT_FOUND);
        assertThat(mvc.get().uri("/texts/{id}", old).with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("Twilio has no record of this text", "Retry");
    }

    @Test
    void aTextLeftPendingByAStopWhileSendingIsLookedUpLikeALostAnswer() {
        long stuck = sentText(null, "pending", minutesAgo(45));
        long sending = sentText(null, "pending", minutesAgo(1));
        String found = "SM" + "8".repeat(32);
        twilio.put(found, TwilioSetupFixture.ACCOUNT_SID, jordan.getCellE164(), TwilioSetupFixture.TWILIO_NUMBER, BODY,
                "sent", null, minutesAgo(45), minutesAgo(45));
        reconciliation.reconcile();
        assertThat(status(stuck)).isEqualTo("sent");
        assertThat(jdbc.queryForObject("select twilio_sid from text_messages where id = ?", String.class, stuck))
                .isEqualTo(found);
        assertThat(status(sending)).isEqualTo("pending");
    }

    @Test
    void aTextLeftPendingByASenderThatDiedIsLookedUpFromTwoMinutesAndStaysPendingWhileTwilioHasNoRecordOfIt() {
        long senderDied = sentText(null, "pending", minutesAgo(3));
        long notAtTwilio = sentText(null, "pending", minutesAgo(20));
        long stillSending = sentText(null, "pending", minutesAgo(1));
        String found = "SM" + "9".repeat(32);
        twilio.put(found, TwilioSetupFixture.ACCOUNT_SID, jordan.getCellE164(), TwilioSetupFixture.TWILIO_NUMBER, BODY,
                "delivered", null, minutesAgo(3), minutesAgo(3));

        reconciliation.reconcile();

        assertThat(jdbc.queryForObject("select twilio_sid from text_messages where id = ?", String.class, senderDied))
                .isEqualTo(found);
        assertThat(status(senderDied)).isEqualTo("delivered");
        assertThat(history(senderDied)).containsExactly("pending", "delivered");
        assertThat(status(notAtTwilio)).as("searched, not found yet, not 30 minutes old").isEqualTo("pending");
        assertThat(checkedAt(notAtTwilio)).isNull();
        assertThat(status(stillSending)).isEqualTo("pending");
        assertThat(fakeTwilio.requests("GET", FakeTwilio.MESSAGES_PATH)).as("one search per text 2 minutes old")
                .hasSize(2);
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).as("nothing sent again").isEmpty();

        reconciliation.reconcile();

        assertThat(history(senderDied)).containsExactly("pending", "delivered");
    }

    @Test
    void refreshStatusAsksTwilioAtOnceAndSaysWhatItLearnt() {
        long text = sentText(SID, "queued", minutesAgo(1));
        twilio.put(SID, TwilioSetupFixture.ACCOUNT_SID, jordan.getCellE164(), TwilioSetupFixture.TWILIO_NUMBER, BODY,
                "delivered", null, minutesAgo(1), minutesAgo(1));
        MvcTestResult changed = refresh(text);
        assertThat(changed).hasRedirectedUrl("/texts/" + text);
        assertThat(flash(changed).messageKey()).isEqualTo("texting.refresh.changed");
        assertThat(flash(changed).arguments()).containsExactly("delivered");
        assertThat(status(text)).isEqualTo("delivered");

        MvcTestResult unchanged = refresh(text);
        assertThat(flash(unchanged).messageKey()).isEqualTo("texting.refresh.unchanged");
        assertThat(followRedirect(unchanged, as(casey))).hasStatusOk().bodyText().contains("Twilio was asked: nothing new, the status is still delivered.");
    }

    @Test
    void refreshStatusSaysWhenTwilioCannotBeAskedOrThereIsNothingToAsk() {
        long forgotten = sentText("SM" + "9".repeat(32), "sent", minutesAgo(1));
        assertThat(flash(refresh(forgotten)).messageKey()).isEqualTo("texting.refresh.unknownAtTwilio");

        long lost = sentText(null, "unknown", minutesAgo(1));
        assertThat(flash(refresh(lost)).messageKey()).isEqualTo("texting.refresh.notFoundYet");
        assertThat(status(lost)).isEqualTo("unknown");

        long text = sentText(SID, "sent", minutesAgo(1));
        fakeTwilio.answer("GET", FakeTwilio.MESSAGE_PATH, Answer.dropConnection());
        assertThat(flash(refresh(text)).messageKey()).isEqualTo("texting.refresh.unavailable");
        assertThat(status(text)).isEqualTo("sent");

        jdbc.update("""
                insert into text_messages (direction, to_number, from_number, body, twilio_sid, status, status_rank,
                    created_at, status_changed_at)
                values ('INBOUND', ?, ?, 'Hi', ?, 'received', 3, ?, ?)""", TwilioSetupFixture.TWILIO_NUMBER,
                jordan.getCellE164(), "SM" + "f".repeat(32), utc(minutesAgo(1)), utc(minutesAgo(1)));
        long incoming = jdbc.queryForObject("select id from text_messages where direction = 'INBOUND'", Long.class);
        assertThat(flash(refresh(incoming)).messageKey()).isEqualTo("texting.refresh.notApplicable");

        jdbc.update("delete from twilio_settings");
        assertThat(flash(refresh(text)).messageKey()).isEqualTo("texting.refresh.notSetUp");
    }

    @Test
    void refreshStatusNeedsALoginAndTheFormsToken() {
        long text = sentText(SID, "sent", minutesAgo(1));
        assertThat(mvc.post().uri("/texts/{id}/refresh-status", text).with(user(as(casey))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/texts/{id}/refresh-status", text).with(csrf()))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
        assertThat(mvc.post().uri("/texts/{id}/refresh-status", 999_999).with(user(as(casey))).with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(fakeTwilio.requests()).isEmpty();
    }

    private MvcTestResult refresh(long text) {
        return mvc.post().uri("/texts/{id}/refresh-status", text).with(user(as(casey))).with(csrf()).exchange();
    }

    private static Flash flash(MvcTestResult result) {
        return (Flash) result.getMvcResult().getFlashMap().get("flash");
    }

    private long sentText(String sid, String status, Instant createdAt) {
        return TextMessageRows.outbound(jdbc, jordan.getId(), jordan.getCellE164(), sid, status, BODY, createdAt);
    }

    private Instant minutesAgo(int minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private String status(long text) {
        return jdbc.queryForObject("select status from text_messages where id = ?", String.class, text);
    }

    private OffsetDateTime checkedAt(long text) {
        return jdbc.queryForObject("select status_checked_at from text_messages where id = ?", OffsetDateTime.class,
                text);
    }

    private List<String> history(long text) {
        return jdbc.queryForList("select status from message_status_events where text_message_id = ? order by id",
                String.class, text);
    }
}
