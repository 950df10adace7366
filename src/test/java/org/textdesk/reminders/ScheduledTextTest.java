package org.textdesk.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * Send later (issue 18, point 1) on PostgreSQL with the clock pinned: scheduling from the Send Text form and its
 * bad input, the rules again at send time, edit and cancel, and the task's run (driven here at the pinned time;
 * {@link ScheduledTextsOnTwoInstancesTest} lets the clustered scheduler run it). The clock is pinned years ahead
 * of the real time, so the real scheduler never finds these texts due while a test drives them.
 */
class ScheduledTextTest extends IntegrationTest {

    /** Tuesday 5 March 2030, 10:00 in New York (standard time, UTC-5): the organisation's zone. */
    static final Instant TUESDAY_10_AM_NEW_YORK = Instant.parse("2030-03-05T15:00:00Z");

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    @Autowired
    ScheduledTextRun run;

    Staff casey;
    Client jordan;
    CaseRecord jordansCase;

    @BeforeEach
    void aClientInAtlanta() {
        clock.pin(TUESDAY_10_AM_NEW_YORK);
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        jordansCase = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
    }

    @Test
    void sendAtStoresTheTextWithItsTaskAtTheTimeInTheOrganisationsZoneAndSendsNothing() {
        MvcTestResult result = schedule(jordan, "See you at 3 today.", "2030-03-05", "14:30", UUID.randomUUID().toString());

        assertThat(result).hasRedirectedUrl("/scheduled");
        Map<String, Object> row = jdbc.queryForMap("select * from scheduled_texts");
        assertThat(row).containsEntry("state", "SCHEDULED").containsEntry("body", "See you at 3 today.")
                .containsEntry("client_id", jordan.getId()).containsEntry("case_id", jordansCase.getId())
                .containsEntry("created_by", casey.getId()).containsEntry("version", 0);
        assertThat(((Timestamp) row.get("due_at")).toInstant()).isEqualTo(Instant.parse("2030-03-05T19:30:00Z"));
        assertThat(tasks()).containsExactly(row.get("id") + "-v0 at 2030-03-05T19:30:00Z");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isZero();
        assertThat(followRedirect(result, as(casey))).bodyText().contains("The text is scheduled.")
                .contains("See you at 3 today.").contains("3/5/2030 2:30:00 PM").contains("3/5/2030 2:30 PM EST");
    }

    @Test
    void aTimeAlreadyPassedIsRefusedBesideSendAtAndEverythingTypedIsKept() {
        MvcTestResult result = schedule(jordan, "Bring your lease.", "2030-03-05", "09:59", UUID.randomUUID().toString());

        assertThat(result).hasStatusOk().bodyText()
                .contains("That time has already passed: choose a later one, or Send now.")
                .contains("Bring your lease.</textarea>").contains("value=\"2030-03-05\"").contains("value=\"09:59\"");
        assertNothingScheduled();
    }

    @Test
    void aDateThatDoesNotExistOrAMissingTimeIsRefusedWithAClearMessage() {
        assertThat(schedule(jordan, "Bring your lease.", "2030-02-30", "14:30", UUID.randomUUID().toString()))
                .hasStatusOk().bodyText().contains("That is not a date and time: enter the date as year-month-day")
                .contains("value=\"2030-02-30\"");
        assertThat(schedule(jordan, "Bring your lease.", "2030-03-06", "", UUID.randomUUID().toString()))
                .hasStatusOk().bodyText().contains("Enter the date and the time to send it at.");
        assertThat(schedule(jordan, "Bring your lease.", "2031-03-07", "10:00", UUID.randomUUID().toString()))
                .hasStatusOk().bodyText().contains("A text can be scheduled at most a year ahead.");
        assertNothingScheduled();
    }

    @Test
    void theTextingRulesAreCheckedWhenScheduling() {
        assertThat(schedule(jordan, "x".repeat(161), "2030-03-05", "14:30", UUID.randomUUID().toString()))
                .hasStatusOk().bodyText().contains("x".repeat(161) + "</textarea>");
        assertThat(schedule(jordan, "Hi {first_name}", "2030-03-05", "14:30", UUID.randomUUID().toString()))
                .hasStatusOk().bodyText().contains("{first_name}");
        clientService.recordKeywordConsent("+14045387319", false, "STOP");
        assertThat(schedule(jordan, "Bring your lease.", "2030-03-05", "14:30", UUID.randomUUID().toString()))
                .hasStatusOk().bodyText().contains("Okay to Text is unticked");
        assertNothingScheduled();
    }

    @Test
    void theSameFormPostedTwiceSchedulesOnce() {
        String sendKey = UUID.randomUUID().toString();
        schedule(jordan, "Bring your lease.", "2030-03-05", "14:30", sendKey);
        schedule(jordan, "Bring your lease.", "2030-03-05", "14:30", sendKey);

        assertThat(jdbc.queryForObject("select count(*) from scheduled_texts", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'scheduled-text'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void aDueTextGoesThroughTheSendPathOnceClaimedWithItsMessageRow() {
        long id = scheduled(jordan, "Your appointment is at 3.", "14:30");

        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).as("not due yet: run again at its time")
                .contains(Instant.parse("2030-03-05T19:30:00Z"));
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();

        clock.pin(Instant.parse("2030-03-05T19:30:00Z"));
        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).isEmpty();

        List<FakeTwilio.RecordedRequest> posts = fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH);
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).param("Body")).isEqualTo("Your appointment is at 3.");
        assertThat(posts.get(0).param("To")).isEqualTo("+14045387319");
        Map<String, Object> row = jdbc.queryForMap("select state, attempts, message_id from scheduled_texts");
        assertThat(row).containsEntry("state", "SENT").containsEntry("attempts", 1);
        Map<String, Object> message = jdbc.queryForMap("select * from text_messages");
        assertThat(message).containsEntry("id", row.get("message_id")).containsEntry("status", "queued")
                .containsEntry("sent_by", casey.getId()).containsEntry("case_id", jordansCase.getId());
        assertThat((String) message.get("send_key")).endsWith("-1");

        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).as("run again (a revived task)").isEmpty();
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).as("never sent twice").hasSize(1);
        assertThat(mvc.get().uri("/scheduled").with(user(as(casey)))).bodyText().contains("Sent")
                .contains("/texts/" + row.get("message_id"));
    }

    @Test
    void aClientWhoRepliedStopMeanwhileIsHeldNotSentAndThePageSaysWhy() {
        long id = scheduled(jordan, "Your appointment is at 3.", "14:30");
        clientService.recordKeywordConsent("+14045387319", false, "STOP");
        clock.pin(Instant.parse("2030-03-05T19:31:00Z"));

        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).isEmpty();

        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        assertThat(jdbc.queryForMap("select state, reason, message_id from scheduled_texts"))
                .containsEntry("state", "HELD").containsEntry("reason", "client.texting.notOkay")
                .containsEntry("message_id", null);
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isZero();
        assertThat(mvc.get().uri("/scheduled").with(user(as(casey)))).bodyText().contains("Held")
                .contains("Okay to Text is unticked");
        assertThat(mvc.get().uri("/clients/{id}/texts", jordan.getId()).with(user(as(casey)))).bodyText()
                .contains("Waiting to go").contains("Held").contains("Your appointment is at 3.");
    }

    @Test
    void twilioRefusingWith21610HoldsTheText() {
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, FakeTwilio.Answer.twilioError(400, 21610,
                "Attempt to send to unsubscribed recipient"));
        long id = scheduled(jordan, "Your appointment is at 3.", "14:30");
        clock.pin(Instant.parse("2030-03-05T19:31:00Z"));

        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).isEmpty();

        assertThat(jdbc.queryForMap("select state, reason from scheduled_texts"))
                .containsEntry("state", "HELD").containsEntry("reason", "reminders.held.stopped");
        assertThat(jdbc.queryForObject("select okay_to_text from clients where id = ?", Boolean.class, jordan.getId()))
                .isFalse();
    }

    @Test
    void aTemporaryRefusalIsTriedAgainLaterAndA429SlowsEverySendDown() {
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, FakeTwilio.Answer.twilioError(429, 20429,
                "Too Many Requests"));
        long id = scheduled(jordan, "Your appointment is at 3.", "14:30");
        Instant due = Instant.parse("2030-03-05T19:30:00Z");
        clock.pin(due);

        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).as("again once the pause after the next slot ends")
                .contains(Instant.parse("2030-03-05T19:30:01.130928Z"));

        assertThat(jdbc.queryForMap("select state, waiting_for, reason, attempts from scheduled_texts"))
                .containsEntry("state", "SCHEDULED").containsEntry("waiting_for", "RETRY")
                .containsEntry("reason", "20429").containsEntry("attempts", 1);
        assertThat(jdbc.queryForObject("select next_send_at from sending_pace", Timestamp.class).toInstant())
                .as("every send 0.1 s later: the next slot (1 a second at 97 percent) and the pause")
                .isEqualTo(Instant.parse("2030-03-05T19:30:01.130928Z"));

        clock.pin(Instant.parse("2030-03-05T19:30:01.130928Z"));
        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).as("a second 429: twice the pause")
                .contains(Instant.parse("2030-03-05T19:30:02.361856Z"));
        assertThat(jdbc.queryForObject("select next_send_at from sending_pace", Timestamp.class).toInstant())
                .isEqualTo(Instant.parse("2030-03-05T19:30:02.361856Z"));

        fakeTwilio.acceptMessages("queued");
        clock.pin(Instant.parse("2030-03-05T19:30:02.361856Z"));
        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).isEmpty();
        assertThat(jdbc.queryForMap("select state, attempts from scheduled_texts"))
                .containsEntry("state", "SENT").containsEntry("attempts", 3);
        assertThat(jdbc.queryForList("select status from text_messages order by id", String.class))
                .containsExactly("not_sent", "not_sent", "queued");
    }

    @Test
    void anotherTemporaryRefusalIsTriedAgainHalfAMinuteLaterWithoutHoldingAnyOtherSend() {
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, FakeTwilio.Answer.twilioError(503, 30001,
                "Queue overflow"));
        long id = scheduled(jordan, "Your appointment is at 3.", "14:30");
        clock.pin(Instant.parse("2030-03-05T19:30:00Z"));

        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).contains(Instant.parse("2030-03-05T19:30:30Z"));

        assertThat(jdbc.queryForMap("select state, waiting_for, reason from scheduled_texts"))
                .containsEntry("state", "SCHEDULED").containsEntry("waiting_for", "RETRY")
                .containsEntry("reason", "30001");
        assertThat(jdbc.queryForObject("select next_send_at from sending_pace", Timestamp.class).toInstant())
                .as("the next slot, one interval of the default 1 a second at 97 percent after this send's")
                .isEqualTo(Instant.parse("2030-03-05T19:30:01.030928Z"));
    }

    @Test
    void aPermanentRefusalIsNotTriedAgain() {
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, FakeTwilio.Answer.twilioError(400, 21211,
                "Invalid 'To' Phone Number"));
        long id = scheduled(jordan, "Your appointment is at 3.", "14:30");
        clock.pin(Instant.parse("2030-03-05T19:30:00Z"));

        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).isEmpty();

        assertThat(jdbc.queryForMap("select state, reason from scheduled_texts"))
                .containsEntry("state", "FAILED").containsEntry("reason", "21211");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);
    }

    @Test
    void aLostAnswerIsLeftToReconciliationNeverSentAgain() {
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, FakeTwilio.Answer.dropConnection());
        long id = scheduled(jordan, "Your appointment is at 3.", "14:30");
        clock.pin(Instant.parse("2030-03-05T19:30:00Z"));

        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).isEmpty();
        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).isEmpty();

        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);
        assertThat(jdbc.queryForObject("select state from scheduled_texts", String.class)).isEqualTo("SENT");
        assertThat(jdbc.queryForObject("select status from text_messages", String.class)).isEqualTo("unknown");
    }

    @Test
    void editMovesTheTextAndItsTaskAndTheOldTaskDoesNothing() {
        long id = scheduled(jordan, "Your appointment is at 3.", "14:30");

        assertThat(mvc.get().uri("/clients/{c}/texts/new?scheduled={id}", jordan.getId(), id).with(user(as(casey))))
                .hasStatusOk().bodyText().contains("Your appointment is at 3.</textarea>")
                .contains("value=\"2030-03-05\"").contains("value=\"14:30\"");
        MvcTestResult edited = post(jordan, "Your appointment is at 4.", "2030-03-06", "09:15",
                UUID.randomUUID().toString(), id);

        assertThat(edited).hasRedirectedUrl("/scheduled");
        assertThat(jdbc.queryForMap("select body, version, due_at from scheduled_texts where id = ?", id))
                .containsEntry("body", "Your appointment is at 4.").containsEntry("version", 1)
                .containsEntry("due_at", Timestamp.from(Instant.parse("2030-03-06T14:15:00Z")));
        assertThat(tasks()).containsExactly(id + "-v1 at 2030-03-06T14:15:00Z");

        clock.pin(Instant.parse("2030-03-06T14:15:00Z"));
        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).as("the old version's task").isEmpty();
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        assertThat(run.run(new ScheduledTextTask.Version(id, 1))).isEmpty();
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).singleElement()
                .extracting(post -> post.param("Body")).isEqualTo("Your appointment is at 4.");

        assertThat(post(jordan, "Too late.", "2030-03-07", "09:15", UUID.randomUUID().toString(), id))
                .hasStatusOk().bodyText().contains("This text can no longer be changed");
    }

    @Test
    void cancelStopsTheTextAndOnlyItsOwnerOrAnAdminMayCancelIt() {
        long id = scheduled(jordan, "Your appointment is at 3.", "14:30");
        Staff other = newCaseworker();

        assertThat(mvc.post().uri("/scheduled/{id}/cancel", id).with(user(as(other))).with(csrf()))
                .hasStatus(404);
        assertThat(mvc.get().uri("/scheduled").with(user(as(other)))).bodyText().doesNotContain("appointment is at 3");
        assertThat(mvc.get().uri("/scheduled").with(user(as(newAdmin())))).bodyText().contains("appointment is at 3");

        assertThat(mvc.post().uri("/scheduled/{id}/cancel", id).with(user(as(casey))).with(csrf()))
                .hasRedirectedUrl("/scheduled");

        assertThat(jdbc.queryForObject("select state from scheduled_texts", String.class)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'scheduled-text'",
                Integer.class)).isZero();
        clock.pin(Instant.parse("2030-03-05T19:30:00Z"));
        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).isEmpty();
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        assertThat(mvc.post().uri("/scheduled/{id}/cancel", id).with(user(as(casey))).with(csrf()))
                .hasRedirectedUrl("/scheduled");
    }

    // ---- quiet hours in the client's time (point 3) ----

    @Test
    void aTextDueAt2059InTheClientsTimeGoesAndOneDueAt2100WaitsForTheMorning() {
        Client sam = ClientFixture.client("Sam", "Rivera").cell("206", "555-0143").safe(true).okayToText(true)
                .create(clientService, as(casey));
        // 23:59 and 00:00 in New York are 20:59 and 21:00 in Seattle (area code 206: America/Los_Angeles)
        long early = scheduled(sam, "Early enough.", "23:59");
        clock.pin(Instant.parse("2030-03-06T04:59:00Z"));
        assertThat(run.run(new ScheduledTextTask.Version(early, 0))).isEmpty();
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);

        clock.pin(TUESDAY_10_AM_NEW_YORK);
        long late = post(sam, "Too late tonight.", "2030-03-06", "00:00");
        clock.pin(Instant.parse("2030-03-06T05:00:00Z"));
        Instant eightInSeattle = Instant.parse("2030-03-06T16:00:00Z");
        assertThat(run.run(new ScheduledTextTask.Version(late, 0))).contains(eightInSeattle);

        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);
        assertThat(jdbc.queryForMap("select state, waiting_for, next_try_at from scheduled_texts where id = ?", late))
                .containsEntry("state", "SCHEDULED").containsEntry("waiting_for", "QUIET_HOURS")
                .containsEntry("next_try_at", Timestamp.from(eightInSeattle));
        assertThat(mvc.get().uri("/scheduled").with(user(as(casey)))).bodyText()
                .contains("Waiting for quiet hours to end in the client&#39;s time (until 3/6/2030 8:00 AM PST).");

        clock.pin(eightInSeattle);
        assertThat(run.run(new ScheduledTextTask.Version(late, 0))).isEmpty();
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(2);
    }

    @Test
    void theZoneSetOnTheClientOverridesTheAreaCodes() {
        Client sam = ClientFixture.client("Sam", "Rivera").cell("206", "555-0143").safe(true).okayToText(true)
                .create(clientService, as(casey));
        assertThat(mvc.post().uri("/clients/{id}/time-zone", sam.getId()).with(user(as(casey))).with(csrf())
                .param("zone", "America/New_York")).hasRedirectedUrl("/clients/" + sam.getId() + "/time-zone");
        long id = post(sam, "At 8 in New York.", "2030-03-06", "08:00");

        clock.pin(Instant.parse("2030-03-06T13:00:00Z"));
        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).as("8:00 in New York, 5:00 in Seattle").isEmpty();
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);

        assertThat(mvc.post().uri("/clients/{id}/time-zone", sam.getId()).with(user(as(casey))).with(csrf())
                .param("zone", "Mars/Olympus")).hasRedirectedUrl("/clients/" + sam.getId() + "/time-zone");
        assertThat(jdbc.queryForObject("select zone from client_time_zones", String.class))
                .isEqualTo("America/New_York");
    }

    @Test
    void theAdminsWindowIsTheOneThatCounts() {
        Staff admin = newAdmin();
        assertThat(mvc.post().uri("/admin/quiet-hours").with(user(as(admin))).with(csrf()).param("start", "09:30")
                .param("end", "18:00")).hasRedirectedUrl("/admin/quiet-hours");
        assertThat(mvc.post().uri("/admin/quiet-hours").with(user(as(admin))).with(csrf()).param("start", "19:00")
                .param("end", "18:00")).hasStatusOk().bodyText().contains("The window must start before it ends.")
                .contains("value=\"19:00\"");
        assertThat(mvc.post().uri("/admin/quiet-hours").with(user(as(admin))).with(csrf()).param("start", "9 am")
                .param("end", "18:00")).hasStatusOk().bodyText().contains("Enter a time as hours:minutes (08:00).");
        long id = post(jordan, "At 9:00.", "2030-03-06", "09:00");

        clock.pin(Instant.parse("2030-03-06T14:00:00Z"));
        assertThat(run.run(new ScheduledTextTask.Version(id, 0))).contains(Instant.parse("2030-03-06T14:30:00Z"));
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
    }

    @Test
    void theFormWarnsOutsideTheWindowButSendingNowIsNotBlocked() {
        clock.pin(Instant.parse("2030-03-06T03:30:00Z"));

        assertThat(mvc.get().uri("/clients/{id}/texts/new", jordan.getId()).with(user(as(casey)))).hasStatusOk()
                .bodyText().contains("It is 10:30 PM for the client, outside the hours for automated texts (8:00 AM to 9:00 PM).");
        assertThat(mvc.post().uri("/clients/{id}/texts", jordan.getId()).with(user(as(casey))).with(csrf())
                .param("body", "Sent by hand at night.").param("sendKey", UUID.randomUUID().toString()))
                .hasStatus3xxRedirection();
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);

        Client sam = ClientFixture.client("Sam", "Rivera").cell("206", "555-0143").safe(true).okayToText(true)
                .create(clientService, as(casey));
        clock.pin(TUESDAY_10_AM_NEW_YORK);
        assertThat(mvc.get().uri("/clients/{id}/texts/new", sam.getId()).with(user(as(casey)))).bodyText()
                .contains("(America/Los_Angeles): now 7:00 AM").contains("data-offset-minutes=\"-180\"")
                .contains("It is 7:00 AM for the client");
        assertThat(mvc.get().uri("/clients/{id}/texts/new", jordan.getId()).with(user(as(casey)))).bodyText()
                .doesNotContain("id=\"client-time\"").doesNotContain("for the client, outside");
    }

    private long scheduled(Client client, String body, String timeOnTuesdayNewYork) {
        return post(client, body, "2030-03-05", timeOnTuesdayNewYork);
    }

    private long post(Client client, String body, String date, String time) {
        String sendKey = UUID.randomUUID().toString();
        assertThat(schedule(client, body, date, time, sendKey)).hasRedirectedUrl("/scheduled");
        return jdbc.queryForObject("select id from scheduled_texts where send_key = ?", Long.class, sendKey);
    }

    private MvcTestResult schedule(Client client, String body, String date, String time, String sendKey) {
        return post(client, body, date, time, sendKey, null);
    }

    private MvcTestResult post(Client client, String body, String date, String time, String sendKey, Long scheduledId) {
        var request = mvc.post().uri("/clients/{id}/texts", client.getId()).with(user(as(casey))).with(csrf())
                .param("body", body).param("sendKey", sendKey).param("when", "later").param("sendDate", date)
                .param("sendTime", time);
        if (client.getId().equals(jordan.getId())) {
            request = request.param("caseId", String.valueOf(jordansCase.getId()));
        }
        if (scheduledId != null) {
            request = request.param("scheduledId", String.valueOf(scheduledId));
        }
        return request.exchange();
    }

    /** The scheduled-text task instances and their times. */
    private List<String> tasks() {
        return jdbc.query("select task_instance, execution_time from scheduled_tasks where task_name = 'scheduled-text'",
                (row, n) -> row.getString(1) + " at " + row.getTimestamp(2).toInstant());
    }

    private void assertNothingScheduled() {
        assertThat(jdbc.queryForObject("select count(*) from scheduled_texts", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'scheduled-text'",
                Integer.class)).isZero();
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
    }

}
