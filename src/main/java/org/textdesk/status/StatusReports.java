package org.textdesk.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.textdesk.client.ClientService;
import org.textdesk.system.DatabaseProduct;
import org.textdesk.texts.StatusHistory;
import org.textdesk.texts.TwilioErrorCodes;

/**
 * What Twilio reports about a text's status, from a status callback or from asking Twilio
 * (reconciliation), recorded by the rules of {@link StatusHistory}: every (message, status) once, the
 * current status only up the ranks. Error 21610 (the number texted STOP) unticks Okay to Text of the
 * client the text went to, as it does when a send is refused with it.
 */
@Service
public class StatusReports {

    /** What became of one report. */
    public enum Outcome {
        /** A new (message, status): added to the history; the current status moved if it ranks higher. */
        RECORDED,
        /** This status was already recorded for the message: nothing changed. */
        REPEATED,
        /** No text has this SID yet: kept, and applied when the SID is recorded ({@link EarlyStatusReports}). */
        KEPT_EARLY
    }

    private static final Logger log = LoggerFactory.getLogger(StatusReports.class);

    private final JdbcTemplate jdbc;
    private final StatusHistory statusHistory;
    private final StatusReportBatches batches;
    private final ClientService clientService;
    private final TransactionTemplate transaction;
    private final boolean oneStatement;
    private final EarlyStatusReports earlyReports;

    StatusReports(JdbcTemplate jdbc, StatusHistory statusHistory, StatusReportBatches batches,
            ClientService clientService, PlatformTransactionManager transactions, DatabaseProduct database,
            EarlyStatusReports earlyReports) {
        this.jdbc = jdbc;
        this.earlyReports = earlyReports;
        this.statusHistory = statusHistory;
        this.batches = batches;
        this.clientService = clientService;
        this.transaction = new TransactionTemplate(transactions);
        this.oneStatement = database.isPostgres();
    }

    /**
     * Records one status report for the text with this Twilio SID. On PostgreSQL an ordinary report is written
     * with the reports that arrive with it, in one statement without a transaction around it
     * ({@link StatusReportBatches}; README "Performance"). A 21610 report, which also unticks
     * Okay to Text, and every report on the embedded H2 database take one short transaction.
     *
     * @param status     Twilio's status word, stored as it is (lower case) even when TextDesk does not know it
     * @param errorCode  Twilio's error code, or null
     * @param reportedAt the phone company's time for the report when Twilio gave one, or null
     */
    public Outcome recordStatusReport(String sid, String status, String errorCode, Instant reportedAt) {
        return recordStatusReport(sid, status, errorCode, reportedAt, null);
    }

    /**
     * As above, for a callback that carries a MessagingServiceSid (the text went through a Messaging Service): kept
     * on the text when it has none yet.
     */
    public Outcome recordStatusReport(String sid, String status, String errorCode, Instant reportedAt,
            String messagingServiceSid) {
        Outcome outcome;
        if (oneStatement && !TwilioErrorCodes.STOPPED.equals(errorCode)) {
            outcome = batches.record(sid, status, errorCode, reportedAt, messagingServiceSid)
                    .map(report -> report.recorded() ? Outcome.RECORDED : Outcome.REPEATED)
                    .orElse(Outcome.KEPT_EARLY);
        } else {
            outcome = transaction.execute(inTransaction -> recordInTransaction(sid, status, errorCode, reportedAt,
                    messagingServiceSid));
        }
        if (outcome == Outcome.KEPT_EARLY) {
            earlyReports.keep(sid, status, errorCode, reportedAt, messagingServiceSid);
            // The SID may have been recorded since it was looked for: whoever records a SID applies the kept
            // reports after committing it, and this looks again after committing the report, so one of the two
            // sees the other.
            applyEarlyReports(sid);
        }
        return outcome;
    }

    /**
     * Applies the reports kept for this SID to its text, if a text has it now; in a transaction of its own,
     * after the SID's was committed.
     */
    public void applyEarlyReports(String sid) {
        transaction.executeWithoutResult(inTransaction -> textWithSid(sid)
                .ifPresent(message -> applyInTransaction(message.id(), message.clientId(), sid)));
    }

    /** The same, for a text whose SID the caller has just recorded and committed. */
    public void applyEarlyReports(long messageId, Long clientId, String sid) {
        // Nearly every send finds none: then no transaction and no row lock. A report kept after this look is
        // applied by the sweep of SIDs now known, as one kept after the locked look always was.
        if (earlyReports.anyFor(sid)) {
            transaction.executeWithoutResult(inTransaction -> applyInTransaction(messageId, clientId, sid));
        }
    }

    private void applyInTransaction(long messageId, Long clientId, String sid) {
        List<EarlyStatusReports.EarlyReport> kept = earlyReports.take(sid);
        for (EarlyStatusReports.EarlyReport report : kept) {
            record(messageId, clientId, report.status(), report.errorCode(), report.reportedAt(), report.receivedAt());
            statusHistory.keepMessagingService(messageId, report.messagingServiceSid());
        }
        if (!kept.isEmpty()) {
            log.info("Applied {} status report(s) that arrived before text {} had its SID", kept.size(), messageId);
        }
    }

    /** Applies kept reports whose SID was recorded meanwhile, and forgets those too old to be claimed. */
    void applyOrExpireEarlyReports() {
        earlyReports.sidsNowKnown().forEach(this::applyEarlyReports);
        int expired = earlyReports.expire();
        if (expired > 0) {
            log.info("Forgot {} status report(s) for SIDs no text had within {} days", expired,
                    EarlyStatusReports.KEPT_FOR.toDays());
        }
    }

    private Optional<MessageRef> textWithSid(String sid) {
        return jdbc.query("select id, client_id from text_messages where twilio_sid = ?",
                (row, n) -> new MessageRef(row.getLong("id"), (Long) row.getObject("client_id", Long.class)), sid)
                .stream().findFirst();
    }

    private Outcome recordInTransaction(String sid, String status, String errorCode, Instant reportedAt,
            String messagingServiceSid) {
        Optional<MessageRef> found = textWithSid(sid);
        if (found.isEmpty()) {
            return Outcome.KEPT_EARLY;
        }
        MessageRef message = found.get();
        statusHistory.keepMessagingService(message.id(), messagingServiceSid);
        return record(message.id(), message.clientId(), status, errorCode, reportedAt) ? Outcome.RECORDED
                : Outcome.REPEATED;
    }

    /**
     * Records one report for a known text within the caller's transaction.
     *
     * @return true when it was new
     */
    boolean record(long messageId, Long clientId, String status, String errorCode, Instant reportedAt) {
        return record(messageId, clientId, status, errorCode, reportedAt, null);
    }

    private boolean record(long messageId, Long clientId, String status, String errorCode, Instant reportedAt,
            Instant receivedAt) {
        boolean recorded = receivedAt == null ? statusHistory.record(messageId, status, errorCode, reportedAt)
                : statusHistory.record(messageId, status, errorCode, reportedAt, receivedAt);
        if (recorded && TwilioErrorCodes.STOPPED.equals(errorCode) && clientId != null) {
            log.info("Twilio reported error {} for text {}", errorCode, messageId);
            clientService.withdrawConsentAfterTwilioError(clientId, TwilioErrorCodes.STOPPED);
        }
        return recorded;
    }

    private record MessageRef(long id, Long clientId) {
    }
}
