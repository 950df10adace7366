package org.textdesk.reminders;

import java.util.function.LongConsumer;

/**
 * The send path a due text goes through (implemented by sending, which owns the rules): it checks the text again
 * with today's facts (Twilio Setup, Okay to Text, a valid cell, the one-SMS rule, placeholders, Safe), writes the
 * message row and calls {@code claim} with its id in the same transaction, then, with no transaction held, runs
 * {@code beforeTwilio} (the wait for the text's slot of the shared pace) and hands it to Twilio. When {@code claim}
 * throws, nothing is written and nothing sent.
 */
public interface ScheduledTextSender {

    SendResult send(DueText text, LongConsumer claim, Runnable beforeTwilio);

    /** A scheduled text as it is sent, under the send key of this attempt. */
    record DueText(long scheduledId, long clientId, Long caseId, String body, long staffId, boolean confirmNotSafe,
            String sendKey) {
    }

    /**
     * What became of it.
     *
     * @param messageId the message row written (null when HELD)
     * @param reason    HELD: the message key of the rule that refused it; NOT_SENT: Twilio's error code
     */
    record SendResult(Kind kind, Long messageId, String reason) {

        public enum Kind {
            /** A rule refused it now: nothing written, nothing sent. */
            HELD,
            /** Twilio took it. */
            ACCEPTED,
            /** Twilio refused it, or was never reached: not sent. */
            NOT_SENT,
            /** The answer was lost: it may have been sent, so reconciliation settles it, never a second send. */
            NO_ANSWER
        }
    }
}
