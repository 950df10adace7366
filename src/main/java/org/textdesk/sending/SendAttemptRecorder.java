package org.textdesk.sending;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.textdesk.client.ClientService;
import org.textdesk.status.StatusReports;
import org.textdesk.texts.MessageStatus;
import org.textdesk.texts.StatusHistory;
import org.textdesk.texts.TwilioErrorCodes;
import org.textdesk.twilio.SendAttempt;

/**
 * Records what Twilio answered to a send. Once Twilio has accepted a text the record must be finished whatever
 * the database does: a failed write is tried again at once a few times, then kept (SID and status, in memory)
 * and tried again every few seconds in the background, while the caseworker is told the text was accepted.
 * Status callbacks that arrive meanwhile are kept as early reports and applied when the SID is recorded.
 *
 * <p>The in-memory retry is only the fast path (seconds after the database is back): it dies with the instance.
 * The guarantee is durable and clustered: the text's row was written as "pending" before Twilio was called, and
 * status reconciliation (a db-scheduler job, on whichever instance is alive) looks up every text still pending
 * two minutes after it was written in Twilio's list of messages by its number and body, and records its SID and
 * status once (status.StatusReconciliation); it never sends again. The in-memory retry stays on Spring's
 * scheduler, not the clustered one, because it runs exactly when the database cannot take a task, and what it
 * holds is in this instance's memory.
 */
@Component
class SendAttemptRecorder {

    /** Pauses between the attempts a request makes itself: about two seconds in all. */
    static final List<Duration> PAUSES = List.of(Duration.ofMillis(200), Duration.ofMillis(600), Duration.ofMillis(1200));
    /** Twilio answered with the SID of a text TextDesk already has: this text's status cannot be followed. */
    static final String SID_TAKEN = "SID-TAKEN";

    private static final Logger log = LoggerFactory.getLogger(SendAttemptRecorder.class);

    /** A send whose answer is not recorded yet. */
    record Answered(long messageId, Long clientId, SendAttempt attempt) {
    }

    private final TransactionTemplate transaction;
    private final SentTextRows sentTextRows;
    private final StatusHistory statusHistory;
    private final StatusReports statusReports;
    private final ClientService clientService;
    private final Queue<Answered> unrecorded = new ConcurrentLinkedQueue<>();

    SendAttemptRecorder(TransactionTemplate transaction, SentTextRows sentTextRows, StatusHistory statusHistory,
            StatusReports statusReports, ClientService clientService) {
        this.transaction = transaction;
        this.sentTextRows = sentTextRows;
        this.statusHistory = statusHistory;
        this.statusReports = statusReports;
        this.clientService = clientService;
    }

    /**
     * Records Twilio's answer, trying again briefly when the database fails.
     *
     * @return false when it is not recorded yet but kept for the background retry
     */
    boolean record(Answered answered) {
        for (int attempt = 0; ; attempt++) {
            try {
                write(answered);
                return true;
            } catch (DataAccessException | TransactionException failed) {
                if (attempt >= PAUSES.size()) {
                    log.warn("Twilio's answer to text {} ({}) could not be recorded; trying again in the background: {}",
                            answered.messageId(), answered.attempt().outcome(), failed.getClass().getSimpleName());
                    unrecorded.add(answered);
                    return false;
                }
                pause(PAUSES.get(attempt));
            }
        }
    }

    /** The background retry of answers not recorded yet (on the instance that sent them). */
    @Scheduled(fixedDelayString = "${textdesk.sending.record-retry-interval:5s}")
    void recordKeptAnswers() {
        for (int i = unrecorded.size(); i > 0; i--) {
            Answered answered = unrecorded.poll();
            if (answered == null) {
                return;
            }
            try {
                write(answered);
                log.info("Twilio's answer to text {} recorded in the background", answered.messageId());
            } catch (DataAccessException | TransactionException stillFailing) {
                unrecorded.add(answered);
            }
        }
    }

    /** How many answers wait for the background retry. */
    int waiting() {
        return unrecorded.size();
    }

    private void write(Answered answered) {
        SendAttempt attempt = answered.attempt();
        long messageId = answered.messageId();
        switch (attempt.outcome()) {
            case ACCEPTED -> {
                boolean recorded;
                try {
                    recorded = Boolean.TRUE.equals(transaction.execute(status -> {
                        if (!sentTextRows.recordTwilioSid(messageId, attempt.sid())) {
                            return false;
                        }
                        statusHistory.recordForClient(messageId, answered.clientId(), attempt.status(), null, null);
                        return true;
                    }));
                } catch (DuplicateKeyException sidTaken) {
                    log.warn("Twilio answered text {} with a SID another text already has ({})", messageId,
                            attempt.sid());
                    transaction.executeWithoutResult(status -> statusHistory.record(messageId, MessageStatus.UNKNOWN,
                            SID_TAKEN, null));
                    return;
                }
                if (!recorded) {
                    // Reconciliation found it at Twilio meanwhile and recorded Twilio's later word on it.
                    log.info("Twilio's answer to text {} was recorded by status reconciliation meanwhile", messageId);
                    return;
                }
                statusReports.applyEarlyReports(messageId, answered.clientId(), attempt.sid());
            }
            case REFUSED, NOT_REACHED -> transaction.executeWithoutResult(status -> {
                statusHistory.record(messageId, MessageStatus.NOT_SENT, attempt.errorCode(), null);
                if (TwilioErrorCodes.STOPPED.equals(attempt.errorCode()) && answered.clientId() != null) {
                    clientService.withdrawConsentAfterTwilioError(answered.clientId(),
                            TwilioErrorCodes.STOPPED);
                }
            });
            case NO_ANSWER -> transaction.executeWithoutResult(status -> statusHistory.record(messageId,
                    MessageStatus.UNKNOWN, attempt.errorCode(), null));
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
