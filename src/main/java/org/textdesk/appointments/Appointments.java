package org.textdesk.appointments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.ClientService;
import org.textdesk.reminders.ScheduledText;
import org.textdesk.reminders.ScheduledTexts;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.NotFoundException;
import org.textdesk.system.OrganisationTime;

/**
 * Appointments of a case: booking one plans its reminders, moving it (a new time, place, note or staff member)
 * plans them again, cancelling it cancels the ones not gone yet; each in one transaction with its reminders'
 * scheduled texts. Any staff member may book on an open case, as on the case page.
 */
@Service
class Appointments {

    private static final Logger log = LoggerFactory.getLogger(Appointments.class);

    private final AppointmentRows rows;
    private final ReminderPlanner planner;
    private final CaseService caseService;
    private final ClientService clientService;
    private final ScheduledTexts scheduledTexts;
    private final OrganisationTime organisationTime;
    private final Clock clock;

    Appointments(AppointmentRows rows, ReminderPlanner planner, CaseService caseService, ClientService clientService,
            ScheduledTexts scheduledTexts, OrganisationTime organisationTime, Clock clock) {
        this.organisationTime = organisationTime;
        this.rows = rows;
        this.planner = planner;
        this.caseService = caseService;
        this.clientService = clientService;
        this.scheduledTexts = scheduledTexts;
        this.clock = clock;
    }

    /**
     * Books an appointment on an open case and plans its reminders; a repeated post of the same form (its
     * {@code bookingKey}) books once and gives the first one.
     *
     * @throws FieldRuleException when the case is closed (nothing is written then)
     */
    @Transactional
    long book(long caseId, AppointmentRows.Details details, String bookingKey, StaffPrincipal actor) {
        Optional<Long> earlier = rows.byBookingKey(bookingKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        CaseRecord caseRecord = caseService.findCase(caseId);
        if (!caseRecord.isOpen()) {
            throw FieldRuleException.ofForm("appointments.caseClosed", caseRecord.getCaseNumber());
        }
        long id = rows.insert(caseId, caseRecord.getClientId(), details, bookingKey, actor.id(), clock.instant());
        planner.plan(rows.find(id).orElseThrow(), clientService.findClient(caseRecord.getClientId()), actor.id());
        log.info("Appointment {} booked on case {}", id, caseId);
        return id;
    }

    /**
     * New details for a booked appointment loaded at {@code version}; its reminders are planned again.
     *
     * @throws FieldRuleException when it was changed or cancelled meanwhile (nothing is written then)
     */
    @Transactional
    void change(long id, long version, AppointmentRows.Details details, StaffPrincipal actor) {
        AppointmentRows.Appointment before = find(id);
        if (!rows.change(id, version, details, clock.instant())) {
            throw FieldRuleException.ofForm("appointments.changedMeanwhile");
        }
        AppointmentRows.Appointment changed = rows.find(id).orElseThrow();
        // only what the reminders say or when they go plans them again: a new note leaves them as they are
        if (!changed.startsAt().equals(before.startsAt()) || !changed.place().equals(before.place())
                || changed.staffId() != before.staffId()) {
            planner.plan(changed, clientService.findClient(changed.clientId()), actor.id());
        }
        log.info("Appointment {} changed", id);
    }

    /** Cancels a booked appointment and its reminders not gone yet. */
    @Transactional
    void cancel(long id) {
        find(id);
        if (!rows.cancel(id, clock.instant())) {
            throw FieldRuleException.ofForm("appointments.alreadyCancelled");
        }
        planner.cancelReminders(id);
        log.info("Appointment {} cancelled", id);
    }

    @Transactional(readOnly = true)
    AppointmentRows.Appointment find(long id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException("appointment", id));
    }

    /** A case's appointments with their reminders, the latest first. */
    @Transactional(readOnly = true)
    List<AppointmentView> ofCase(long caseId) {
        return views(rows.ofCase(caseId));
    }

    /** A client's appointments from today on, the earliest first. */
    @Transactional(readOnly = true)
    List<AppointmentView> upcomingOfClient(long clientId, Instant since) {
        return views(rows.ofClientFrom(clientId, since));
    }

    private List<AppointmentView> views(List<AppointmentRows.Appointment> appointments) {
        List<AppointmentRows.Reminder> reminders = rows.remindersOf(
                appointments.stream().map(AppointmentRows.Appointment::id).toList());
        Map<Long, ScheduledText> texts = scheduledTexts.findAll(reminders.stream()
                .map(AppointmentRows.Reminder::scheduledTextId).filter(java.util.Objects::nonNull).toList())
                .stream().collect(Collectors.toMap(ScheduledText::id, Function.identity()));
        Map<Long, List<ReminderLine>> lines = reminders.stream().collect(Collectors.groupingBy(
                AppointmentRows.Reminder::appointmentId, Collectors.mapping(reminder -> ReminderLine.of(reminder,
                        reminder.scheduledTextId() == null ? null : texts.get(reminder.scheduledTextId())),
                        Collectors.toList())));
        Instant now = clock.instant();
        return appointments.stream().map(a -> new AppointmentView(a.id(), a.caseId(), a.caseNumber(), a.startsAt(),
                organisationTime.dateTime(a.startsAt()), a.place(), a.note(), a.staffName(), a.booked(), a.startsAt().isAfter(now), a.answer(), a.answeredAt(),
                lines.getOrDefault(a.id(), List.of()).stream().filter(ReminderLine::shown).toList())).toList();
    }
}
