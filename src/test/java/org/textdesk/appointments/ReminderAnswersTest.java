package org.textdesk.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.reminders.DueScheduledTexts;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Answers to reminders (issue 18 point 4) through Twilio's webhook on PostgreSQL: C / R from the client within 3
 * days of a reminder lands on the appointment with its time, with no Text Response; it shows on the case, the client
 * record and Incoming. Anything else, too late, from another number, or a keyword, is what it always was.
 * The reminder (2 days before at 10:00) of Friday 8 March 2030 10:00 goes Wednesday 6 March 10:00 New York time.
 */
class ReminderAnswersTest extends IntegrationTest {

    static final Instant REMINDER_SENT = Instant.parse("2030-03-06T15:00:00Z");
    static final String JORDANS_CELL = "+14045387319";

    private static final AtomicInteger sids = new AtomicInteger();

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    @Autowired
    ReminderSettings settings;

    @Autowired
    Appointments appointments;

    @Autowired
    ApplicationContext context;

    Staff casey;
    Client jordan;
    CaseRecord jordansCase;
    long appointmentId;

    @BeforeEach
    void aReminderSentToJordan() {
        clock.pin(AppointmentsTest.TUESDAY_10_AM_NEW_YORK);
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        jordansCase = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
        long text = settings.saveText(null, null, "Standard", AppointmentsTest.STANDARD, Map.of());
        settings.addPlan(new ReminderTiming(2, LocalTime.of(10, 0), null), text);
        appointmentId = appointments.book(jordansCase.getId(), new AppointmentRows.Details(
                Instant.parse("2030-03-08T15:00:00Z"), "100 Main St", null, casey.getId()), "answers-test", as(casey));
        clock.pin(REMINDER_SENT);
        assertThat(DueScheduledTexts.runOnce(context, jdbc.queryForObject("select id from scheduled_texts",
                Long.class))).isEmpty();
        assertThat(jdbc.queryForObject("select state from scheduled_texts", String.class)).isEqualTo("SENT");
    }

    @Test
    void cConfirmsTheAppointmentWithNoTextResponseAndEveryPageShowsIt() {
        clock.pin(Instant.parse("2030-03-06T15:02:00Z"));

        MvcTestResult result = text(JORDANS_CELL, "C.");

        assertThat(result).hasStatusOk().bodyText().doesNotContain("<Message>")
                .doesNotContain(TwilioSetupFixture.TEXT_RESPONSE);
        long messageId = jdbc.queryForObject("select id from text_messages where direction = 'INBOUND'", Long.class);
        assertThat(jdbc.queryForMap("select answer, answered_at, answer_message_id from appointments"))
                .containsEntry("answer", "CONFIRMED").containsEntry("answer_message_id", messageId);
        assertThat(mvc.get().uri("/cases/{id}", jordansCase.getId()).with(user(as(casey)))).bodyText()
                .contains("Confirmed").contains("by text, 3/6/2030 10:02:00 AM");
        assertThat(mvc.get().uri("/clients/{id}", jordan.getId()).with(user(as(casey)))).bodyText()
                .contains("Confirmed").contains("by text, 3/6/2030 10:02:00 AM");
        assertThat(mvc.get().uri("/incoming").with(user(as(casey)))).bodyText().contains("C.")
                .contains("Confirmed").contains("the appointment of 3/8/2030 10:00 AM")
                .contains("/cases/" + jordansCase.getId());
    }

    @Test
    void rescheduleInAnyCaseAsksToRescheduleAndALaterAnswerReplacesAnEarlierOne() {
        clock.pin(Instant.parse("2030-03-06T16:00:00Z"));
        assertThat(text(JORDANS_CELL, "c")).bodyText().doesNotContain("<Message>");
        clock.pin(Instant.parse("2030-03-07T16:00:00Z"));

        assertThat(text(JORDANS_CELL, " Reschedule! ")).bodyText().doesNotContain("<Message>");

        assertThat(jdbc.queryForObject("select answer from appointments", String.class)).isEqualTo("RESCHEDULE");
        assertThat(mvc.get().uri("/cases/{id}", jordansCase.getId()).with(user(as(casey)))).bodyText()
                .contains("Asks to reschedule").contains("by text, 3/7/2030 11:00:00 AM");
    }

    @Test
    void anAnswerWithinThreeDaysCountsAndOneAfterIsAnOrdinaryText() {
        clock.pin(Instant.parse("2030-03-09T14:59:00Z"));
        assertThat(text(JORDANS_CELL, "R")).bodyText().doesNotContain("<Message>");
        assertThat(jdbc.queryForObject("select answer from appointments", String.class)).isEqualTo("RESCHEDULE");

        clock.pin(Instant.parse("2030-03-09T15:01:00Z"));
        assertThat(text(JORDANS_CELL, "C")).bodyText().contains(TwilioSetupFixture.TEXT_RESPONSE);

        assertThat(jdbc.queryForObject("select answer from appointments", String.class)).isEqualTo("RESCHEDULE");
        assertThat(jdbc.queryForObject("select count(*) from text_messages where direction = 'INBOUND'",
                Integer.class)).as("both texts kept").isEqualTo(2);
    }

    @Test
    void otherWordsOtherNumbersAndCancelledAppointmentsGetTheTextResponseAndNoAnswer() {
        clock.pin(Instant.parse("2030-03-06T16:00:00Z"));
        assertThat(text(JORDANS_CELL, "Cool")).bodyText().contains(TwilioSetupFixture.TEXT_RESPONSE);
        assertThat(text(JORDANS_CELL, "C please")).bodyText().contains(TwilioSetupFixture.TEXT_RESPONSE);
        assertThat(text("+14045387320", "C")).as("a number no reminder went to").bodyText()
                .contains(TwilioSetupFixture.TEXT_RESPONSE);
        assertThat(jdbc.queryForObject("select answer from appointments", String.class)).isNull();

        appointments.cancel(appointmentId);
        assertThat(text(JORDANS_CELL, "C")).bodyText().contains(TwilioSetupFixture.TEXT_RESPONSE);
        assertThat(jdbc.queryForObject("select answer from appointments", String.class)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from text_messages where direction = 'INBOUND'",
                Integer.class)).isEqualTo(4);
    }

    @Test
    void stopAfterAReminderStillUnticksOkayToTextAndIsNoAnswer() {
        clock.pin(Instant.parse("2030-03-06T16:00:00Z"));

        assertThat(text(JORDANS_CELL, "Stop")).bodyText().doesNotContain("<Message>");

        assertThat(clientService.findClient(jordan.getId()).isOkayToText()).isFalse();
        assertThat(jdbc.queryForObject("select answer from appointments", String.class)).isNull();
        assertThat(jdbc.queryForObject("select detail from consent_events where source = 'KEYWORD'", String.class))
                .isEqualTo("STOP");
    }

    @Test
    void theSameAnswerPostedTwiceByTwilioIsKeptOnceAndAnsweredAlike() {
        clock.pin(Instant.parse("2030-03-06T16:00:00Z"));
        String sid = "SM%032x".formatted(sids.incrementAndGet() + 7000);
        assertThat(TwilioWebhookRequests.post(mvc, "/twilio/sms", TwilioWebhookRequests.incomingText(sid,
                JORDANS_CELL, "confirm"))).bodyText().doesNotContain("<Message>");

        assertThat(TwilioWebhookRequests.post(mvc, "/twilio/sms", TwilioWebhookRequests.incomingText(sid,
                JORDANS_CELL, "confirm"))).bodyText().doesNotContain("<Message>");

        assertThat(jdbc.queryForObject("select count(*) from text_messages where direction = 'INBOUND'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select answer from appointments", String.class)).isEqualTo("CONFIRMED");
    }

    private MvcTestResult text(String from, String body) {
        return TwilioWebhookRequests.post(mvc, "/twilio/sms", TwilioWebhookRequests.incomingText(
                "SM%032x".formatted(sids.incrementAndGet()), from, body));
    }
}
