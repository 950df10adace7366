package org.textdesk.status;

import java.time.Instant;
import java.util.List;
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
        /** No text has this SID: nothing recorded. */
        UNKNOWN_MESSAGE
    }

    private static final Logger log = LoggerFactory.getLogger(StatusReports.class);

    private final JdbcTemplate jdbc;
    private final StatusHistory statusHistory;
    private final StatusReportBatches batches;
    private final ClientService clientService;
    private final TransactionTemplate transaction;
    private final boolean oneStatement;

    StatusReports(JdbcTemplate jdbc, StatusHistory statusHistory, StatusReportBatches batches,
            ClientService clientService, PlatformTransactionManager transactions, DatabaseProduct database) {
        this.jdbc = jdbc;
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
        if (oneStatement && !TwilioErrorCodes.STOPPED.equals(errorCode)) {
            return batches.record(sid, status, errorCode, reportedAt)
                    .map(report -> report.recorded() ? Outcome.RECORDED : Outcome.REPEATED)
                    .orElse(Outcome.UNKNOWN_MESSAGE);
        }
        return transaction.execute(inTransaction -> recordInTransaction(sid, status, errorCode, reportedAt));
    }

    private Outcome recordInTransaction(String sid, String status, String errorCode, Instant reportedAt) {
        List<MessageRef> found = jdbc.query("select id, client_id from text_messages where twilio_sid = ?",
                (row, n) -> new MessageRef(row.getLong("id"), (Long) row.getObject("client_id", Long.class)), sid);
        if (found.isEmpty()) {
            return Outcome.UNKNOWN_MESSAGE;
        }
        MessageRef message = found.get(0);
        return record(message.id(), message.clientId(), status, errorCode, reportedAt) ? Outcome.RECORDED
                : Outcome.REPEATED;
    }

    /**
     * Records one report for a known text within the caller's transaction.
     *
     * @return true when it was new
     */
    boolean record(long messageId, Long clientId, String status, String errorCode, Instant reportedAt) {
        boolean recorded = statusHistory.record(messageId, status, errorCode, reportedAt);
        if (recorded && TwilioErrorCodes.STOPPED.equals(errorCode) && clientId != null) {
            log.info("Twilio reported error {} for text {}", errorCode, messageId);
            clientService.withdrawConsentAfterTwilioError(clientId, TwilioErrorCodes.STOPPED);
        }
        return recorded;
    }

    private record MessageRef(long id, Long clientId) {
    }
}
