package org.textdesk.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.textdesk.system.DatabaseProduct;
import org.textdesk.system.GroupCommit;
import org.textdesk.texts.MessageStatus;
import org.textdesk.texts.StatusHistory.SidReport;
import org.textdesk.texts.StatusHistory.SidStatus;
import org.textdesk.texts.StatusHistory;

/**
 * Status callbacks on PostgreSQL, written together ({@link GroupCommit}) by {@link StatusHistory#recordBySids}:
 * a busy morning's callbacks arrive by the thousand a second, two to four per text.
 */
@Component
class StatusReportBatches extends GroupCommit<SidStatus, SidReport> {

    private final StatusHistory statusHistory;

    StatusReportBatches(StatusHistory statusHistory, DatabaseProduct database) {
        super("status-report-writer", database.isPostgres());
        this.statusHistory = statusHistory;
    }

    /**
     * Records one report by its text's SID, by the rules of {@link StatusHistory}.
     *
     * @return empty when no text has the SID
     */
    Optional<SidReport> record(String sid, String reportedStatus, String errorCode, Instant reportedAt,
            String messagingServiceSid) {
        return Optional.ofNullable(submit(new SidStatus(sid, MessageStatus.normalise(reportedStatus), errorCode,
                reportedAt, messagingServiceSid)));
    }

    /** A (SID, status) repeated within the batch goes to the database once; the repeat is not new. */
    @Override
    protected List<SidReport> writeBatch(List<SidStatus> reports) {
        Map<ReportKey, Integer> firstIndex = new HashMap<>();
        List<SidStatus> distinct = new ArrayList<>(reports.size());
        int[] indexes = new int[reports.size()];
        for (int i = 0; i < reports.size(); i++) {
            SidStatus report = reports.get(i);
            Integer first = firstIndex.putIfAbsent(new ReportKey(report.sid(), report.status()), distinct.size());
            indexes[i] = first == null ? distinct.size() : first;
            if (first == null) {
                distinct.add(report);
            }
        }
        List<SidReport> written = statusHistory.recordBySids(distinct);
        boolean[] answered = new boolean[distinct.size()];
        List<SidReport> outcomes = new ArrayList<>(reports.size());
        for (int index : indexes) {
            SidReport outcome = written.get(index);
            if (outcome != null && answered[index]) {
                outcome = new SidReport(outcome.messageId(), outcome.clientId(), false);
            }
            answered[index] = true;
            outcomes.add(outcome);
        }
        return outcomes;
    }

    @Override
    protected SidReport writeAlone(SidStatus report) {
        return statusHistory.recordBySids(List.of(report)).get(0);
    }

    private record ReportKey(String sid, String status) {
    }
}
