package org.textdesk.inbox;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Answers to appointment reminders ("Reply C to confirm or R to reschedule"). The appointments module implements
 * it, so this package does not depend on the one that depends on it (a reminder's answer comes in as a text).
 * An incoming text that may be an answer is stored in one short transaction, in which {@link #record} is called;
 * a recorded answer gets no Text Response. Keywords (STOP, START, HELP) are decided before and never come here.
 */
public interface ReminderAnswers {

    /** Whether the text reads as an answer (the rule only, no database): such a text takes the transaction path. */
    boolean mayBeAnswer(String body);

    /**
     * Records the stored incoming text as the answer to the latest reminder sent to this number within the window,
     * in the caller's transaction; false when no such reminder was sent (the text is then an ordinary one).
     */
    boolean record(long messageId, String from, String body, Instant receivedAt);

    /** What each of these incoming texts answered, for the Incoming page; texts that answered nothing are absent. */
    Map<Long, Answer> answersOf(Collection<Long> messageIds);

    /**
     * An answer as the Incoming page shows it.
     *
     * @param confirmed   true: confirms the appointment; false: asks to reschedule it
     * @param appointment the appointment's date and time in words
     * @param caseId      the case whose page shows the appointment
     */
    record Answer(boolean confirmed, String appointment, long caseId) {
    }
}
