package org.textdesk.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.client.Client;
import org.textdesk.reminders.ScheduledTexts;
import org.textdesk.system.OrganisationTime;

/**
 * Plans an appointment's reminders: one per active plan, each a scheduled text of the reminders module (so quiet
 * hours in the client's time, the consent check at send time, the pace and "never twice" apply), its words filled
 * now in the client's language. A reminder whose time has passed, or whose filled words do not fit one SMS, is
 * not planned and says why. Planning again (the appointment moved) first cancels the reminders not gone yet.
 */
@Component
class ReminderPlanner {

    static final String NOT_PLANNED_PAST = "appointments.reminder.notPlanned.past";
    static final String NOT_PLANNED_TOO_LONG = "appointments.reminder.notPlanned.tooLong";

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);

    private final AppointmentRows rows;
    private final ReminderSettings settings;
    private final ScheduledTexts scheduledTexts;
    private final OrganisationTime organisationTime;
    private final Clock clock;

    ReminderPlanner(AppointmentRows rows, ReminderSettings settings, ScheduledTexts scheduledTexts,
            OrganisationTime organisationTime, Clock clock) {
        this.rows = rows;
        this.settings = settings;
        this.scheduledTexts = scheduledTexts;
        this.organisationTime = organisationTime;
        this.clock = clock;
    }

    /** (Re)plans the reminders of a booked appointment, in the transaction that booked or moved it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void plan(AppointmentRows.Appointment appointment, Client client, long actorId) {
        cancelReminders(appointment.id());
        Instant now = clock.instant();
        Map<String, String> values = Map.of(
                "first_name", client.getFirstName(),
                "appointment_date", DATE.format(appointment.startsAt().atZone(organisationTime.zone())),
                "appointment_time", TIME.format(appointment.startsAt().atZone(organisationTime.zone())),
                "place", appointment.place(),
                "case_number", appointment.caseNumber(),
                "staff_name", appointment.staffName());
        for (ReminderSettings.Plan plan : settings.activePlans()) {
            Instant due = plan.timing().dueAt(appointment.startsAt(), organisationTime.zone());
            String body = ReminderWording.fill(settings.text(plan.textId()).in(client.getLanguageId()), values);
            String notPlanned = !due.isAfter(now) ? NOT_PLANNED_PAST
                    : !ReminderWording.fitsOneSms(body) ? NOT_PLANNED_TOO_LONG : null;
            long reminderId = rows.insertReminder(appointment.id(), plan.id(), due, notPlanned, now);
            if (notPlanned == null) {
                long scheduledId = scheduledTexts.schedule(new ScheduledTexts.NewText(client.getId(),
                        appointment.caseId(), body, due, false, actorId, "appointment-reminder-" + reminderId));
                rows.planned(reminderId, scheduledId);
            }
        }
        log.info("Reminders of appointment {} planned", appointment.id());
    }

    /** Cancels the appointment's reminders not gone yet; sent ones stay as they are. */
    @Transactional(propagation = Propagation.MANDATORY)
    void cancelReminders(long appointmentId) {
        rows.retire(appointmentId).forEach(scheduledTexts::cancelPlanned);
    }
}
