package org.textdesk.appointments;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.inbox.ReminderAnswers;
import org.textdesk.system.OrganisationTime;

/**
 * Answers to reminders (issue 18 point 4): a text that reads C / CONFIRM or R / RESCHEDULE ({@link
 * ConfirmationReply}) from a number a reminder went to within the last {@link #WINDOW} is recorded on that
 * reminder's appointment (the latest such reminder's), with its time and the text; a later answer replaces an
 * earlier one. Called by inbox in the transaction that stores the text.
 */
@Component
class ReminderAnswerRecorder implements ReminderAnswers {

    /** How long after a reminder went its answer is taken as one. */
    static final Duration WINDOW = Duration.ofDays(3);

    private static final Logger log = LoggerFactory.getLogger(ReminderAnswerRecorder.class);

    private final AppointmentRows rows;
    private final OrganisationTime organisationTime;

    ReminderAnswerRecorder(AppointmentRows rows, OrganisationTime organisationTime) {
        this.rows = rows;
        this.organisationTime = organisationTime;
    }

    @Override
    public boolean mayBeAnswer(String body) {
        return ConfirmationReply.of(body).isPresent();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(long messageId, String from, String body, Instant receivedAt) {
        Optional<ConfirmationReply> reply = ConfirmationReply.of(body);
        if (reply.isEmpty()) {
            return false;
        }
        Optional<Long> appointment = rows.remindedByNumber(from, receivedAt.minus(WINDOW), receivedAt);
        appointment.ifPresent(id -> {
            rows.answer(id, reply.get().name(), receivedAt, messageId);
            log.info("Appointment {} answered {} by text {}", id, reply.get(), messageId);
        });
        return appointment.isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Answer> answersOf(Collection<Long> messageIds) {
        Map<Long, Answer> answers = new HashMap<>();
        rows.answeredBy(messageIds).forEach((messageId, appointment) -> answers.put(messageId, new Answer(
                ConfirmationReply.CONFIRMED.name().equals(appointment.answer()),
                ReminderPlanner.DATE.format(appointment.startsAt().atZone(organisationTime.zone())) + " "
                        + ReminderPlanner.TIME.format(appointment.startsAt().atZone(organisationTime.zone())),
                appointment.caseId())));
        return answers;
    }
}
