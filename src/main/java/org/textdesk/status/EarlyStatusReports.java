package org.textdesk.status;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.texts.MessageStatus;

/**
 * Status reports for a Twilio SID that no text has yet: Twilio can post a callback ("failed", say) before its
 * answer to the send reaches TextDesk, or before a lost answer is found by reconciliation. They are kept here
 * (a 2xx to Twilio means stored) and applied by {@link StatusReports#applyEarlyReports} once the SID is
 * recorded, by the same rules as any report; those never matched expire after {@link #KEPT_FOR}.
 */
@Component
class EarlyStatusReports {

    /** Longer than reconciliation looks back for a lost send (three days). */
    static final Duration KEPT_FOR = Duration.ofDays(4);

    /** One kept report, with the time it arrived. */
    record EarlyReport(String status, String errorCode, Instant reportedAt, Instant receivedAt,
            String messagingServiceSid) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    EarlyStatusReports(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps a report (once per SID and status) in its own statement. */
    void keep(String sid, String status, String errorCode, Instant reportedAt, String messagingServiceSid) {
        jdbc.update("""
                insert into early_status_reports (twilio_sid, status, error_code, reported_at, received_at,
                    messaging_service_sid)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                sid, MessageStatus.normalise(status), errorCode, utc(reportedAt), utc(clock.instant()),
                messagingServiceSid);
    }

    /**
     * Removes and returns the reports kept for the SID, within the caller's transaction; a second caller at the
     * same time waits and gets none of them.
     */
    /** Whether any report waits for this SID: asked outside a transaction, so a send with none pays one read. */
    boolean anyFor(String sid) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from early_status_reports where twilio_sid = ?)", Boolean.class, sid));
    }

    List<EarlyReport> take(String sid) {
        List<EarlyReport> kept = jdbc.query("""
                select status, error_code, reported_at, received_at, messaging_service_sid from early_status_reports
                where twilio_sid = ? order by received_at for update""", EarlyStatusReports::earlyReport, sid);
        if (!kept.isEmpty()) {
            jdbc.update("delete from early_status_reports where twilio_sid = ?", sid);
        }
        return kept;
    }

    /** SIDs with kept reports that a text now has (recorded by a path that did not apply them). */
    List<String> sidsNowKnown() {
        return jdbc.queryForList("""
                select distinct e.twilio_sid from early_status_reports e
                join text_messages t on t.twilio_sid = e.twilio_sid""", String.class);
    }

    /** Forgets reports no text claimed within {@link #KEPT_FOR}; how many. */
    int expire() {
        return jdbc.update("delete from early_status_reports where received_at < ?",
                utc(clock.instant().minus(KEPT_FOR)));
    }

    private static EarlyReport earlyReport(ResultSet row, int n) throws SQLException {
        OffsetDateTime reportedAt = row.getObject("reported_at", OffsetDateTime.class);
        return new EarlyReport(row.getString("status"), row.getString("error_code"),
                reportedAt == null ? null : reportedAt.toInstant(),
                row.getObject("received_at", OffsetDateTime.class).toInstant(), row.getString("messaging_service_sid"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
