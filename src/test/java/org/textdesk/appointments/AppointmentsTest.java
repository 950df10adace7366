package org.textdesk.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.language.Languages;
import org.textdesk.reminders.DueScheduledTexts;
import org.textdesk.staff.Staff;

/**
 * Appointments and their reminders (issue 18 point 2) on PostgreSQL with the clock pinned on Tuesday 5 March 2030,
 * 10:00 in New York (the organisation's zone, UTC-5), years ahead of the real time so the real scheduler never finds
 * these reminders due while a test runs them ({@link DueScheduledTexts}). Plans: 2 days before at 10:00, 2 hours
 * before.
 */
class AppointmentsTest extends IntegrationTest {

    static final Instant TUESDAY_10_AM_NEW_YORK = Instant.parse("2030-03-05T15:00:00Z");
    static final String STANDARD = "Hi {first_name}, reminder: {appointment_date} at {appointment_time}, {place}. "
            + "Reply C to confirm or R to reschedule.";
    static final String SPANISH = "Hola {first_name}: cita el {appointment_date} a las {appointment_time}, {place}. "
            + "Responda C para confirmar o R para cambiarla.";

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    @Autowired
    ReminderSettings settings;

    @Autowired
    ApplicationContext context;

    Staff casey;
    Client jordan;
    CaseRecord jordansCase;
    long standardText;

    @BeforeEach
    void aClientInAtlantaAndTwoPlans() {
        clock.pin(TUESDAY_10_AM_NEW_YORK);
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        jordansCase = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
        standardText = settings.saveText(null, null, "Standard", STANDARD, Map.of(Languages.SPANISH_ID, SPANISH));
        settings.addPlan(new ReminderTiming(2, LocalTime.of(10, 0), null), standardText);
        settings.addPlan(new ReminderTiming(null, null, 120), standardText);
    }

    @Test
    void bookingPlansOneReminderPerPlanAsScheduledTextsFilledForTheAppointment() {
        MvcTestResult result = book(jordansCase, "2030-03-08", "10:00", "100 Main St", "Bring your lease");

        assertThat(result).hasRedirectedUrl("/cases/" + jordansCase.getId() + "#appointments");
        assertThat(jdbc.queryForMap("select * from appointments")).containsEntry("state", "BOOKED")
                .containsEntry("place", "100 Main St").containsEntry("note", "Bring your lease")
                .containsEntry("client_id", jordan.getId()).containsEntry("staff_id", casey.getId());
        assertThat(scheduled()).containsExactly(
                "2030-03-06T15:00:00Z SCHEDULED Hi Jordan, reminder: 3/8/2030 at 10:00 AM, 100 Main St. Reply C to "
                        + "confirm or R to reschedule.",
                "2030-03-08T13:00:00Z SCHEDULED Hi Jordan, reminder: 3/8/2030 at 10:00 AM, 100 Main St. Reply C to "
                        + "confirm or R to reschedule.");
        assertThat(jdbc.queryForList("select distinct case_id || ' ' || created_by from scheduled_texts", String.class))
                .containsExactly(jordansCase.getId() + " " + casey.getId());
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'scheduled-text'",
                Integer.class)).isEqualTo(2);
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        assertThat(followRedirect(result, as(casey))).bodyText()
                .contains("The appointment is booked and its reminders are planned.")
                .contains("3/8/2030 10:00:00 AM at 100 Main St").contains("Bring your lease")
                .contains("2 days before at 10:00 AM").contains("3/6/2030 10:00:00 AM")
                .contains("2 hours before").contains("3/8/2030 8:00:00 AM").contains("Planned");
        assertThat(mvc.get().uri("/clients/{id}", jordan.getId()).with(user(as(casey)))).bodyText()
                .contains("Appointments").contains("3/8/2030 10:00:00 AM").contains("100 Main St").contains("Booked");
    }

    @Test
    void aClientWhoPrefersSpanishGetsTheSpanishVersion() {
        Client ana = ClientFixture.client("Ana", "Ruiz").cell("404", "538-7320").safe(true).okayToText(true)
                .language(Languages.SPANISH_ID).create(clientService, as(casey));
        CaseRecord anasCase = caseService.openCase(ana.getId(), "16E-20010102", "Housing", LocalDate.of(2016, 8, 1),
                null);

        book(anasCase, "2030-03-08", "15:30", "Oficina 2", "");

        assertThat(scheduled()).containsExactly(
                "2030-03-06T15:00:00Z SCHEDULED Hola Ana: cita el 3/8/2030 a las 3:30 PM, Oficina 2. Responda C para "
                        + "confirmar o R para cambiarla.",
                "2030-03-08T18:30:00Z SCHEDULED Hola Ana: cita el 3/8/2030 a las 3:30 PM, Oficina 2. Responda C para "
                        + "confirmar o R para cambiarla.");
    }

    @Test
    void aReminderWhoseTimeHasAlreadyPassedIsNotPlannedAndThePageSaysSo() {
        MvcTestResult result = book(jordansCase, "2030-03-06", "11:00", "100 Main St", "");

        assertThat(scheduled()).containsExactly("2030-03-06T14:00:00Z SCHEDULED Hi Jordan, reminder: 3/6/2030 at "
                + "11:00 AM, 100 Main St. Reply C to confirm or R to reschedule.");
        assertThat(jdbc.queryForList("select due_at || ' ' || coalesce(not_planned, '-') from appointment_reminders "
                + "order by due_at", String.class)).hasSize(2).first().asString()
                .endsWith("appointments.reminder.notPlanned.past");
        assertThat(followRedirect(result, as(casey))).bodyText().contains("Not planned")
                .contains("Its time had already passed when the appointment was booked.")
                .contains("Some reminders were not planned: their time had already passed");
    }

    @Test
    void aFilledReminderLongerThanOneSmsIsNotPlannedAndThePageSaysWhy() {
        String longPlace = "Suite 1400, Peachtree Center South Tower, 225 Peachtree St NE, Atlanta, GA 30303";
        assertThat(longPlace).hasSize(80);

        MvcTestResult result = book(jordansCase, "2030-03-08", "10:00", longPlace, "");

        assertThat(jdbc.queryForObject("select count(*) from scheduled_texts", Integer.class)).isZero();
        assertThat(jdbc.queryForList("select not_planned from appointment_reminders", String.class))
                .containsExactly("appointments.reminder.notPlanned.tooLong", "appointments.reminder.notPlanned.tooLong");
        assertThat(followRedirect(result, as(casey))).bodyText()
                .contains("Filled in for this appointment, the reminder text is longer than one SMS");
    }

    @Test
    void movingTheAppointmentCancelsItsRemindersAndPlansNewOnes() {
        book(jordansCase, "2030-03-08", "10:00", "100 Main St", "");
        long id = jdbc.queryForObject("select id from appointments", Long.class);

        MvcTestResult result = mvc.post().uri("/appointments/{id}/edit", id).with(user(as(casey))).with(csrf())
                .param("date", "2030-03-12").param("time", "09:30").param("place", "200 Oak Ave").param("note", "")
                .param("staffId", String.valueOf(casey.getId())).param("version", "0").exchange();

        assertThat(result).hasRedirectedUrl("/cases/" + jordansCase.getId() + "#appointments");
        assertThat(scheduled()).containsExactly(
                "2030-03-06T15:00:00Z CANCELLED Hi Jordan, reminder: 3/8/2030 at 10:00 AM, 100 Main St. Reply C to "
                        + "confirm or R to reschedule.",
                "2030-03-08T13:00:00Z CANCELLED Hi Jordan, reminder: 3/8/2030 at 10:00 AM, 100 Main St. Reply C to "
                        + "confirm or R to reschedule.",
                "2030-03-10T14:00:00Z SCHEDULED Hi Jordan, reminder: 3/12/2030 at 9:30 AM, 200 Oak Ave. Reply C to "
                        + "confirm or R to reschedule.",
                "2030-03-12T11:30:00Z SCHEDULED Hi Jordan, reminder: 3/12/2030 at 9:30 AM, 200 Oak Ave. Reply C to "
                        + "confirm or R to reschedule.");
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'scheduled-text'",
                Integer.class)).as("the old reminders' tasks are gone").isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from appointment_reminders where is_current", Integer.class))
                .isEqualTo(2);
        assertThat(followRedirect(result, as(casey))).bodyText()
                .contains("The appointment is saved and its reminders are planned again.")
                .contains("3/12/2030 9:30:00 AM at 200 Oak Ave").doesNotContain("3/8/2030 10:00:00 AM");

        assertThat(mvc.post().uri("/appointments/{id}/edit", id).with(user(as(casey))).with(csrf())
                .param("date", "2030-03-13").param("time", "09:30").param("place", "200 Oak Ave")
                .param("staffId", String.valueOf(casey.getId())).param("version", "0")).as("a stale version")
                .hasStatusOk().bodyText().contains("Someone changed or cancelled this appointment meanwhile")
                .contains("value=\"2030-03-13\"");
    }

    @Test
    void cancellingTheAppointmentCancelsTheRemindersNotGoneAndThePageSaysCancelled() {
        book(jordansCase, "2030-03-08", "10:00", "100 Main St", "");
        long id = jdbc.queryForObject("select id from appointments", Long.class);
        long first = firstScheduled();
        clock.pin(Instant.parse("2030-03-06T15:00:00Z"));
        assertThat(DueScheduledTexts.runOnce(context, first)).isEmpty();
        clock.pin(Instant.parse("2030-03-07T15:00:00Z"));

        MvcTestResult result = mvc.post().uri("/appointments/{id}/cancel", id).with(user(as(casey))).with(csrf())
                .exchange();

        assertThat(result).hasRedirectedUrl("/cases/" + jordansCase.getId() + "#appointments");
        assertThat(jdbc.queryForList("select state from scheduled_texts order by due_at", String.class))
                .containsExactly("SENT", "CANCELLED");
        assertThat(jdbc.queryForObject("select state from appointments", String.class)).isEqualTo("CANCELLED");
        assertThat(followRedirect(result, as(casey))).bodyText().contains("The appointment is cancelled")
                .contains("Cancelled").contains("Sent");
        assertThat(mvc.post().uri("/appointments/{id}/cancel", id).with(user(as(casey))).with(csrf()))
                .hasRedirectedUrl("/cases/" + jordansCase.getId() + "#appointments");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);
    }

    @Test
    void aDueReminderGoesThroughTheSendPathAndThePageShowsItsTwilioStatus() {
        book(jordansCase, "2030-03-08", "10:00", "100 Main St", "");
        long first = firstScheduled();
        clock.pin(Instant.parse("2030-03-06T15:00:00Z"));

        assertThat(DueScheduledTexts.runOnce(context, first)).isEmpty();
        assertThat(DueScheduledTexts.runOnce(context, first)).as("a revived task sends nothing").isEmpty();

        List<FakeTwilio.RecordedRequest> posts = fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH);
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).param("Body")).isEqualTo("Hi Jordan, reminder: 3/8/2030 at 10:00 AM, 100 Main St. "
                + "Reply C to confirm or R to reschedule.");
        assertThat(posts.get(0).param("To")).isEqualTo("+14045387319");
        long messageId = jdbc.queryForObject("select message_id from scheduled_texts where id = ?", Long.class, first);
        assertThat(mvc.get().uri("/cases/{id}", jordansCase.getId()).with(user(as(casey)))).bodyText()
                .contains("Sent").contains("/texts/" + messageId).contains("Open the text (status: queued)")
                .contains("Planned");
    }

    @Test
    void aClientWhoRepliedStopMeanwhileIsHeldAndThePageSaysWhy() {
        book(jordansCase, "2030-03-08", "10:00", "100 Main St", "");
        clientService.recordKeywordConsent("+14045387319", false, "STOP");
        clock.pin(Instant.parse("2030-03-06T15:00:00Z"));

        assertThat(DueScheduledTexts.runOnce(context, firstScheduled())).isEmpty();

        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        assertThat(mvc.get().uri("/cases/{id}", jordansCase.getId()).with(user(as(casey)))).bodyText()
                .contains("Held").contains("Okay to Text is unticked");
    }

    @Test
    void aReminderThatNoLongerFitsOneSmsWhenSentIsHeld() {
        book(jordansCase, "2030-03-08", "10:00", "100 Main St", "");
        long first = firstScheduled();
        // as a text whose words changed after planning would be: sending checks one SMS again
        jdbc.update("update scheduled_texts set body = ? where id = ?", "x".repeat(161), first);
        clock.pin(Instant.parse("2030-03-06T15:00:00Z"));

        assertThat(DueScheduledTexts.runOnce(context, first)).isEmpty();

        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        assertThat(jdbc.queryForMap("select state, reason from scheduled_texts where id = ?", first))
                .containsEntry("state", "HELD").containsEntry("reason", "reminders.held.textRules");
        assertThat(mvc.get().uri("/cases/{id}", jordansCase.getId()).with(user(as(casey)))).bodyText()
                .contains("Held").contains("The text no longer passes the texting rules");
    }

    @Test
    void aReminderDueInQuietHoursWaitsAndThePageSaysUntilWhen() {
        settings.addPlan(new ReminderTiming(0, LocalTime.of(6, 0), null), standardText);
        book(jordansCase, "2030-03-08", "10:00", "100 Main St", "");
        long early = jdbc.queryForObject("select id from scheduled_texts where due_at = ?", Long.class,
                Timestamp.from(Instant.parse("2030-03-08T11:00:00Z")));
        clock.pin(Instant.parse("2030-03-08T11:00:00Z"));

        assertThat(DueScheduledTexts.runOnce(context, early)).contains(Instant.parse("2030-03-08T13:00:00Z"));

        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        assertThat(mvc.get().uri("/cases/{id}", jordansCase.getId()).with(user(as(casey)))).bodyText()
                .contains("On the day at 6:00 AM").contains("Waiting for quiet hours to end")
                .contains("Goes when quiet hours end, 3/8/2030 8:00:00 AM.");
    }

    @Test
    void badInputIsRefusedBesideItsFieldWithWhatWasTypedKeptAndNothingWritten() {
        assertThat(book(jordansCase, "2030-03-05", "09:59", "100 Main St", "Bring your lease")).hasStatusOk()
                .bodyText().contains("That time has already passed: choose a later one.")
                .contains("value=\"2030-03-05\"").contains("value=\"09:59\"").contains("Bring your lease</textarea>");
        assertThat(book(jordansCase, "2030-02-30", "10:00", "100 Main St", "")).hasStatusOk().bodyText()
                .contains("That is not a date and time");
        assertThat(book(jordansCase, "", "10:00", "100 Main St", "")).hasStatusOk().bodyText()
                .contains("Enter the date and the time of the appointment.");
        assertThat(book(jordansCase, "2031-03-07", "10:00", "100 Main St", "")).hasStatusOk().bodyText()
                .contains("An appointment can be booked at most a year ahead.");
        assertThat(book(jordansCase, "2030-03-08", "10:00", "  ", "")).hasStatusOk().bodyText()
                .contains("Enter the place, at most 80 characters.");
        assertThat(book(jordansCase, "2030-03-08", "10:00", "x".repeat(81), "")).hasStatusOk().bodyText()
                .contains("Enter the place, at most 80 characters.");
        assertThat(book(jordansCase, "2030-03-08", "10:00", "100 Main St", "n".repeat(501))).hasStatusOk().bodyText()
                .contains("A note has at most 500 characters.");
        assertThat(mvc.post().uri("/cases/{id}/appointments/new", jordansCase.getId()).with(user(as(casey)))
                .with(csrf()).param("date", "2030-03-08").param("time", "10:00").param("place", "100 Main St")
                .param("staffId", "999999").param("bookingKey", UUID.randomUUID().toString())).hasStatusOk().bodyText()
                .contains("Choose the staff member the appointment is with.");
        assertThat(mvc.post().uri("/cases/{id}/appointments/new", 999999).with(user(as(casey))).with(csrf())
                .param("date", "2030-03-08").param("time", "10:00").param("place", "100 Main St")
                .param("staffId", String.valueOf(casey.getId())).param("bookingKey", UUID.randomUUID().toString()))
                .hasStatus(404);
        assertThat(book(jordansCase, "2030-03-08", "10:00", "100 Main St", "", "")).as("no booking key: a machine")
                .hasStatus(400);
        assertThat(jdbc.queryForObject("select count(*) from appointments", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from scheduled_texts", Integer.class)).isZero();
    }

    @Test
    void theSameBookingFormPostedTwiceBooksOnce() {
        String bookingKey = UUID.randomUUID().toString();
        assertThat(book(jordansCase, "2030-03-08", "10:00", "100 Main St", "", bookingKey))
                .hasRedirectedUrl("/cases/" + jordansCase.getId() + "#appointments");
        assertThat(book(jordansCase, "2030-03-08", "10:00", "100 Main St", "", bookingKey))
                .hasRedirectedUrl("/cases/" + jordansCase.getId() + "#appointments");

        assertThat(jdbc.queryForObject("select count(*) from appointments", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from scheduled_texts", Integer.class)).isEqualTo(2);
    }

    @Test
    void aNewNoteLeavesTheRemindersAsTheyAre() {
        book(jordansCase, "2030-03-08", "10:00", "100 Main St", "");
        long id = jdbc.queryForObject("select id from appointments", Long.class);

        assertThat(mvc.post().uri("/appointments/{id}/edit", id).with(user(as(casey))).with(csrf())
                .param("date", "2030-03-08").param("time", "10:00").param("place", "100 Main St")
                .param("note", "Bring your lease").param("staffId", String.valueOf(casey.getId()))
                .param("version", "0")).hasRedirectedUrl("/cases/" + jordansCase.getId() + "#appointments");

        assertThat(jdbc.queryForObject("select note from appointments", String.class)).isEqualTo("Bring your lease");
        assertThat(jdbc.queryForList("select state from scheduled_texts", String.class))
                .containsExactly("SCHEDULED", "SCHEDULED");
        assertThat(jdbc.queryForObject("select count(*) from appointment_reminders", Integer.class)).isEqualTo(2);
    }

    @Test
    void aClosedCaseTakesNoAppointment() {
        CaseRecord closed = caseService.openCase(jordan.getId(), "16E-20010103", "Done", LocalDate.of(2016, 8, 1),
                LocalDate.of(2016, 9, 1));

        assertThat(book(closed, "2030-03-08", "10:00", "100 Main St", "")).hasStatusOk().bodyText()
                .contains("Case 16E-20010103 is closed: reopen it to book an appointment.");
        assertThat(jdbc.queryForObject("select count(*) from appointments", Integer.class)).isZero();
        assertThat(mvc.get().uri("/cases/{id}", closed.getId()).with(user(as(casey)))).bodyText()
                .doesNotContain("Book appointment");
    }

    private MvcTestResult book(CaseRecord caseRecord, String date, String time, String place, String note) {
        return book(caseRecord, date, time, place, note, UUID.randomUUID().toString());
    }

    private MvcTestResult book(CaseRecord caseRecord, String date, String time, String place, String note,
            String bookingKey) {
        return mvc.post().uri("/cases/{id}/appointments/new", caseRecord.getId()).with(user(as(casey))).with(csrf())
                .param("date", date).param("time", time).param("place", place).param("note", note)
                .param("staffId", String.valueOf(casey.getId())).param("bookingKey", bookingKey).exchange();
    }

    /** Every scheduled text as "due state body", by due time. */
    private List<String> scheduled() {
        return jdbc.query("select due_at, state, body from scheduled_texts order by due_at, id", (row, n) ->
                row.getTimestamp(1).toInstant() + " " + row.getString(2) + " " + row.getString(3));
    }

    private long firstScheduled() {
        return jdbc.queryForObject("select id from scheduled_texts order by due_at limit 1", Long.class);
    }
}
