package org.textdesk.grouptexts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.textdesk.grouptexts.GroupTextRequests.fingerprintOf;
import static org.textdesk.grouptexts.GroupTextRequests.get;
import static org.textdesk.grouptexts.GroupTextRequests.groupId;
import static org.textdesk.grouptexts.GroupTextRequests.post;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.reminders.ScheduledTextRuns;
import org.textdesk.staff.Staff;

/**
 * Group texts (issue 21 point 4) on PostgreSQL with the clock pinned: the preview's counts, reasons and filled
 * texts, bad input, the send as scheduled texts of reminders' queue, each text's turn driven here in a chosen
 * order (a bad number, a STOP mid-way, cancel part-way), the confirmation that must match the preview, and who may
 * choose which clients. {@link GroupTextsOnTwoInstancesTest} lets the clustered scheduler itself send a group.
 */
class GroupTextsTest extends IntegrationTest {

    /** Tuesday 5 March 2030, 10:00 in New York (the organisation's zone), 7:00 in Seattle. */
    static final Instant TUESDAY_10_AM_NEW_YORK = Instant.parse("2030-03-05T15:00:00Z");

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    @Autowired
    ApplicationContext context;

    ScheduledTextRuns runs;
    Staff casey;
    Staff robin;
    Staff admin;

    @BeforeEach
    void aCaseload() {
        clock.pin(TUESDAY_10_AM_NEW_YORK);
        runs = new ScheduledTextRuns(context);
        casey = newCaseworker();
        robin = newCaseworker();
        admin = newAdmin();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
    }

    private Client client(String first, String last, String areaCode, String number, boolean okay, boolean safe,
            Staff caseworker) {
        ClientFixture fixture = ClientFixture.client(first, last).safe(safe).okayToText(okay);
        if (number != null) {
            fixture.cell(areaCode, number);
        }
        return fixture.create(clientService, as(caseworker));
    }

    /** Casey's five clients: one in Atlanta, one in Seattle (quiet hours at 7 AM), three who cannot get it. */
    private void caseysFiveClients() {
        Client jordan = client("Jordan", "Avery", "404", "538-7319", true, true, casey);
        caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance", LocalDate.of(2016, 8, 1), null);
        client("Sam", "Rivera", "206", "555-0143", true, true, casey);
        client("Pat", "Lee", null, null, false, true, casey);
        client("Morgan", "Diaz", "404", "555-0199", false, true, casey);
        client("Riley", "Chen", "404", "555-0188", true, false, casey);
        client("Alex", "Kim", "404", "555-0123", true, true, robin);
    }

    @Test
    void thePreviewSaysHowManyGetItEachClientsOwnTextWhenAndWhyTheOthersDoNotAndWritesNothing() {
        caseysFiveClients();

        MvcTestResult preview = preview(casey, "my-clients", "Hi {first_name}, this is {staff_name}.");

        String name = casey.getDisplayName();
        assertThat(preview).hasStatusOk().bodyText()
                .contains("5 clients chosen: 2 will get it (1 now, 1 after quiet hours).")
                .contains("Hi Jordan, this is " + name + ".").contains("Hi Sam, this is " + name + ".")
                .contains("Quiet hours in the client&#39;s time: it waits and goes at 3/5/2030 11:00:00 AM")
                .contains("1 client will not get it: no valid cell number")
                .contains("1 client will not get it: Okay to Text is unticked")
                .contains("1 client will not get it: not marked Safe")
                .contains("Not sent: no valid cell number").contains("Send to 2 clients")
                .doesNotContain("Alex");
        assertNothingWritten();
    }

    @Test
    void aTextTooLongOnceFilledOrACaseNumberWithoutOneOpenCaseLeavesThatClientOut() {
        caseysFiveClients();

        assertThat(preview(casey, "my-clients", "Case {case_number}: " + "x".repeat(130) + " {first_name}"))
                .hasStatusOk().bodyText()
                .contains("5 clients chosen: 1 will get it (1 now, 0 after quiet hours).")
                .contains("Case 16E-20010101: " + "x".repeat(130) + " Jordan")
                .contains("1 client will not get it: no open case to fill in the case number")
                .contains("Send to 1 client");
        assertThat(preview(casey, "my-clients", "x".repeat(155) + " {first_name}")).hasStatusOk().bodyText()
                .contains("Not sent: longer than one SMS once filled in (characters used of those allowed) (162/160)")
                .contains("x".repeat(155) + " Sam").contains("Send to 1 client");
        assertNothingWritten();
    }

    @Test
    void badInputIsRefusedBesideItsFieldKeepingWhatWasTypedAndWritesNothing() {
        caseysFiveClients();

        assertThat(preview(casey, "my-clients", "   ")).hasStatusOk().bodyText().contains("Type the message.")
                .doesNotContain("Send to");
        assertThat(preview(casey, "my-clients", "Hi {firstname}, see you.")).hasStatusOk().bodyText()
                .contains("{firstname} is not a placeholder TextDesk fills in. Use only these: {first_name}, "
                        + "{last_name}, {case_number}, {staff_name}.")
                .contains("Hi {firstname}, see you.</textarea>");
        assertThat(preview(casey, "my-clients", "y".repeat(1601))).hasStatusOk().bodyText()
                .contains("A message has at most 1600 characters; this one has 1601.");
        assertThat(preview(admin, "caseworker-clients", "Hello.")).hasStatusOk().bodyText()
                .contains("Choose the caseworker whose clients get it.");
        assertThat(mvc.perform(post("/group-texts/preview", admin, "filter", "caseworker-clients",
                "caseworkerId", "999999", "body", "Hello."))).hasStatusOk().bodyText()
                .contains("That caseworker is not on the staff list any more: choose another.");
        assertThat(mvc.perform(post("/group-texts/preview", admin, "filter", "caseworker-clients",
                "caseworkerId", "not-a-number", "body", "Hello."))).hasStatusOk();
        assertThat(mvc.perform(post("/group-texts/preview", casey, "filter", "nonsense", "body", "Hello.")))
                .hasStatus(400);
        assertThat(mvc.perform(post("/group-texts", casey, "filter", "my-clients", "body", "Hello.",
                "fingerprint", "0".repeat(32), "previewedCount", "2"))).as("no send key").hasStatus(400);
        assertNothingWritten();
    }

    @Test
    void withTwilioSetupTurnedOffThePreviewSaysWhyAndNothingCanBeSent() {
        caseysFiveClients();
        String body = "Hi {first_name}.";
        String fingerprint = fingerprintOf(preview(casey, "my-clients", body));
        jdbc.update("update twilio_settings set enabled = false");

        assertThat(preview(casey, "my-clients", body)).hasStatusOk().bodyText()
                .contains("Texting is turned off: Twilio Setup is not enabled.").doesNotContain("Send to 2 clients");
        assertThat(mvc.perform(post("/group-texts", casey, "filter", "my-clients", "body", body,
                "sendKey", UUID.randomUUID().toString(), "fingerprint", fingerprint, "previewedCount", "2")))
                .hasStatusOk().bodyText().contains("Texting is turned off: Twilio Setup is not enabled.");
        assertNothingWritten();
    }

    @Test
    void sendingQueuesOneScheduledTextPerRecipientAndKeepsWhoSentWhatToWhomThenEachGoesInItsTurn() {
        caseysFiveClients();
        String body = "Hi {first_name}, the office is closed Friday.";

        MvcTestResult sent = send(casey, "my-clients", body);

        long groupId = groupId(sent);
        assertThat(sent).hasRedirectedUrl("/group-texts/" + groupId);
        assertThat(jdbc.queryForMap("select * from group_texts")).containsEntry("author_id", casey.getId())
                .containsEntry("body", body).containsEntry("filter_key", "my-clients")
                .containsEntry("recipient_count", 2).containsEntry("cancelled_at", null)
                .containsEntry("created_at", Timestamp.from(TUESDAY_10_AM_NEW_YORK));
        assertThat(jdbc.queryForList("""
                select c.first_name, r.left_out_because, st.body, st.created_by, st.due_at, st.state
                from group_text_recipients r join clients c on c.id = r.client_id
                left join scheduled_texts st on st.id = r.scheduled_text_id order by c.first_name""")).containsExactly(
                row("Jordan", null, "Hi Jordan, the office is closed Friday.", casey.getId(), TUESDAY_10_AM_NEW_YORK,
                        "SCHEDULED"),
                row("Morgan", "client.texting.notOkay", null, null, null, null),
                row("Pat", "client.texting.noCell", null, null, null, null),
                row("Riley", "groupTexts.leftOut.notSafe", null, null, null, null),
                row("Sam", null, "Hi Sam, the office is closed Friday.", casey.getId(), TUESDAY_10_AM_NEW_YORK,
                        "SCHEDULED"));
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'scheduled-text'",
                Integer.class)).isEqualTo(2);
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).as("the queue sends, not the post").isEmpty();
        assertThat(followRedirect(sent, as(casey))).bodyText().contains("The group text is on its way")
                .contains("0 of 2 done: 0 sent, 0 not sent, 0 cancelled.").contains("data-progress-url");

        assertThat(runs.run(scheduledIdOf("Jordan"))).isEmpty();
        assertThat(runs.run(scheduledIdOf("Sam"))).as("7 AM in Seattle: waits for 8")
                .contains(Instant.parse("2030-03-05T16:00:00Z"));
        assertThat(page("/group-texts/" + groupId + "/progress", casey)).contains("1 of 2 done: 1 sent")
                .contains("1 text waits for quiet hours to end in the client&#39;s time.")
                .contains("until 3/5/2030 11:00:00 AM").contains("data-progress-url");

        clock.pin(Instant.parse("2030-03-05T16:00:00Z"));
        assertThat(runs.run(scheduledIdOf("Sam"))).isEmpty();

        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).extracting(post -> post.param("To"),
                post -> post.param("Body")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("+14045387319", "Hi Jordan, the office is closed Friday."),
                org.assertj.core.groups.Tuple.tuple("+12065550143", "Hi Sam, the office is closed Friday."));
        String finished = page("/group-texts/" + groupId, casey);
        assertThat(finished).contains("2 of 2 done: 2 sent, 0 not sent, 0 cancelled.").doesNotContain("data-progress-url")
                .doesNotContain("Cancel the texts not sent yet").contains(">queued</a>")
                .contains("Clients of " + casey.getDisplayName()).contains("Left out");
        assertThat(page("/group-texts", casey)).contains("Hi {first_name}, the office is closed Friday.")
                .contains("/group-texts/" + groupId);
    }

    @Test
    void aBadNumberFailsAloneAndAStopDuringTheSendHoldsTheTextsNotSentYet() {
        client("Ann", "One", "404", "555-0101", true, true, casey);
        Client bad = client("Ben", "Two", "404", "555-0102", true, true, casey);
        Client stopping = client("Cat", "Three", "404", "555-0103", true, true, casey);
        Client last = client("Dan", "Four", "404", "555-0104", true, true, casey);
        fakeTwilio.on("POST", FakeTwilio.MESSAGES_PATH, call -> "+14045550102".equals(call.request().param("To"))
                ? FakeTwilio.Answer.twilioError(400, 21211, "Invalid 'To' Phone Number")
                : FakeTwilio.Answer.json(201, FakeTwilio.messageJson(FakeTwilio.newMessageSid(),
                        call.pathVariable("AccountSid"), call.request().param("To"), call.request().param("From"),
                        call.request().param("Body"), "queued", null)));
        long groupId = groupId(send(casey, "my-clients", "Hi {first_name}, your new caseworker starts Monday."));

        assertThat(runs.run(scheduledIdOf("Ann"))).isEmpty();
        // Cat replies STOP while the group is being sent, before her turn
        clientService.recordKeywordConsent("+14045550103", false, "STOP");
        for (Client client : List.of(bad, stopping, last)) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(runs.run(scheduledIdOf(client.getFirstName()))).isEmpty();
        }

        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).extracting(post -> post.param("To"))
                .containsExactly("+14045550101", "+14045550102", "+14045550104");
        assertThat(jdbc.queryForList("""
                select c.first_name, st.state, st.reason, tm.status, tm.error_code
                from group_text_recipients r join clients c on c.id = r.client_id
                join scheduled_texts st on st.id = r.scheduled_text_id
                left join text_messages tm on tm.id = st.message_id order by c.first_name""")).containsExactly(
                row5("Ann", "SENT", null, "queued", null),
                row5("Ben", "FAILED", "21211", "not_sent", "21211"),
                row5("Cat", "HELD", "client.texting.notOkay", null, null),
                row5("Dan", "SENT", null, "queued", null));
        String report = page("/group-texts/" + groupId, casey);
        assertThat(report).contains("4 of 4 done: 2 sent, 2 not sent, 0 cancelled.")
                .contains("Held, not sent").contains("Okay to Text is unticked").contains("error 21211");
    }

    @Test
    void cancelPartWayStopsTheTextsNotSentYetAndTheirTasks() {
        client("Ann", "One", "404", "555-0101", true, true, casey);
        client("Ben", "Two", "404", "555-0102", true, true, casey);
        client("Cat", "Three", "404", "555-0103", true, true, casey);
        long groupId = groupId(send(casey, "my-clients", "Hi {first_name}, the office is closed Friday."));
        assertThat(runs.run(scheduledIdOf("Ann"))).isEmpty();

        MvcTestResult cancelled = mvc.perform(post("/group-texts/" + groupId + "/cancel", casey));

        assertThat(cancelled).hasRedirectedUrl("/group-texts/" + groupId);
        assertThat(followRedirect(cancelled, as(casey))).bodyText()
                .contains("2 texts not sent yet are cancelled.")
                .contains("3 of 3 done: 1 sent, 0 not sent, 2 cancelled.");
        assertThat(jdbc.queryForList("""
                select st.state from group_text_recipients r join clients c on c.id = r.client_id
                join scheduled_texts st on st.id = r.scheduled_text_id order by c.first_name""", String.class))
                .containsExactly("SENT", "CANCELLED", "CANCELLED");
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'scheduled-text' "
                + "and task_instance in (?, ?)", Integer.class, scheduledIdOf("Ben") + "-v0",
                scheduledIdOf("Cat") + "-v0")).as("the cancelled texts' tasks").isZero();
        assertThat(jdbc.queryForObject("select cancelled_by from group_texts", Long.class)).isEqualTo(casey.getId());
        clock.advance(Duration.ofSeconds(1));
        assertThat(runs.run(scheduledIdOf("Ben"))).as("a cancelled text's task run late").isEmpty();
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);
    }

    @Test
    void aConfirmationThatNoLongerMatchesThePreviewSendsNothingAndSaysSoAndTheSameFormPostedTwiceSendsOnce() {
        client("Ann", "One", "404", "555-0101", true, true, casey);
        client("Ben", "Two", "404", "555-0102", true, true, casey);
        String body = "Hi {first_name}, the office is closed Friday.";
        String fingerprint = fingerprintOf(preview(casey, "my-clients", body));
        clientService.recordKeywordConsent("+14045550102", false, "STOP");
        String sendKey = UUID.randomUUID().toString();

        MvcTestResult changed = mvc.perform(post("/group-texts", casey, "filter", "my-clients", "body", body,
                "sendKey", sendKey, "fingerprint", fingerprint, "previewedCount", "2"));

        assertThat(changed).hasStatusOk().bodyText().contains("changed since the preview: 2 clients were to get it, "
                + "now 1 would, or their texts differ. Nothing was sent.").contains("Send to 1 client");
        assertNothingWritten();

        String again = fingerprintOf(changed);
        MvcTestResult first = mvc.perform(post("/group-texts", casey, "filter", "my-clients", "body", body,
                "sendKey", sendKey, "fingerprint", again, "previewedCount", "1"));
        MvcTestResult repeated = mvc.perform(post("/group-texts", casey, "filter", "my-clients", "body", body,
                "sendKey", sendKey, "fingerprint", again, "previewedCount", "1"));
        assertThat(first).hasRedirectedUrl("/group-texts/" + groupId(first));
        assertThat(repeated).hasRedirectedUrl("/group-texts/" + groupId(first));
        assertThat(jdbc.queryForObject("select count(*) from group_texts", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from scheduled_texts", Integer.class)).isEqualTo(1);
    }

    @Test
    void caseworkersTextTheirOwnClientsOnlyAdminsMayChooseAnotherCaseworkersOrEveryClientWithAnOpenCase() {
        caseysFiveClients();

        assertThat(page("/group-texts/new", casey)).contains("My clients")
                .doesNotContain("Every client with an open case").doesNotContain("caseworker-clients");
        assertThat(mvc.perform(post("/group-texts/preview", casey, "filter", "open-case", "body", "Hello.")))
                .hasStatus(403);
        assertThat(mvc.perform(post("/group-texts/preview", casey, "filter", "caseworker-clients",
                "caseworkerId", String.valueOf(casey.getId()), "body", "Hello."))).hasStatus(403);
        assertThat(mvc.perform(post("/group-texts", casey, "filter", "open-case", "body", "Hello.",
                "sendKey", UUID.randomUUID().toString(), "fingerprint", "0".repeat(32), "previewedCount", "1")))
                .hasStatus(403);
        assertNothingWritten();

        assertThat(mvc.perform(post("/group-texts/preview", admin, "filter", "caseworker-clients",
                "caseworkerId", String.valueOf(robin.getId()), "body", "Hi {first_name}."))).hasStatusOk().bodyText()
                .contains("1 client chosen: 1 will get it").contains("Hi Alex.").doesNotContain("Jordan");
        assertThat(preview(admin, "open-case", "Hi {first_name}.")).hasStatusOk().bodyText()
                .contains("1 client chosen: 1 will get it").contains("Hi Jordan.").doesNotContain("Alex");

        long caseysGroup = groupId(send(casey, "my-clients", "Hi {first_name}."));
        assertThat(mvc.perform(get("/group-texts/" + caseysGroup, robin))).hasStatus(404);
        assertThat(mvc.perform(get("/group-texts/" + caseysGroup + "/progress", robin))).hasStatus(404);
        assertThat(mvc.perform(post("/group-texts/" + caseysGroup + "/cancel", robin))).hasStatus(404);
        assertThat(page("/group-texts", robin)).contains("No group texts yet.");
        assertThat(page("/group-texts/" + caseysGroup, admin)).contains("0 of 2 done");
        assertThat(page("/group-texts", admin)).contains("/group-texts/" + caseysGroup);
        assertThat(jdbc.queryForObject("select count(*) from scheduled_texts where state = 'SCHEDULED'", Integer.class))
                .as("robin's cancel changed nothing").isEqualTo(2);
    }

    // --- helpers ---

    private MvcTestResult preview(Staff staff, String filter, String body) {
        return GroupTextRequests.preview(mvc, staff, filter, body);
    }

    private MvcTestResult send(Staff staff, String filter, String body) {
        return GroupTextRequests.send(mvc, staff, filter, body);
    }

    private long scheduledIdOf(String firstName) {
        return jdbc.queryForObject("""
                select r.scheduled_text_id from group_text_recipients r join clients c on c.id = r.client_id
                where c.first_name = ?""", Long.class, firstName);
    }

    private String page(String uri, Staff staff) {
        MvcTestResult result = mvc.perform(get(uri, staff));
        assertThat(result).hasStatusOk();
        return GroupTextRequests.contentOf(result);
    }

    private void assertNothingWritten() {
        assertThat(jdbc.queryForObject("select count(*) from group_texts", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from group_text_recipients", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from scheduled_texts", Integer.class)).isZero();
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
    }

    private static Map<String, Object> row(String first, String because, String body, Long createdBy, Instant due,
            String state) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("first_name", first);
        row.put("left_out_because", because);
        row.put("body", body);
        row.put("created_by", createdBy);
        row.put("due_at", due == null ? null : Timestamp.from(due));
        row.put("state", state);
        return row;
    }

    private static Map<String, Object> row5(String first, String state, String reason, String status, String error) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("first_name", first);
        row.put("state", state);
        row.put("reason", reason);
        row.put("status", status);
        row.put("error_code", error);
        return row;
    }
}
