package org.textdesk.texting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a text's status history and moves its current status, by the rules for reports that arrive
 * out of order, twice, or at once: each (message, status) is kept once, and the current status only
 * moves to a higher rank. Both rules are single SQL statements, so parallel reports cannot undo each other.
 */
@Component
class StatusHistory {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    StatusHistory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records one report within the caller's transaction.
     *
     * @return true when the report was new (not a repeat)
     */
    boolean record(long messageId, String reportedStatus, String errorCode, Instant reportedAt) {
        String status = MessageStatus.normalise(reportedStatus);
        Instant receivedAt = clock.instant();
        int inserted = jdbc.update("""
                insert into message_status_events (text_message_id, status, error_code, reported_at, received_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""",
                messageId, status, errorCode, timestamp(reportedAt), timestamp(receivedAt));
        if (inserted == 0) {
            return false;
        }
        int rank = MessageStatus.rank(status);
        jdbc.update("""
                update text_messages set status = ?, status_rank = ?, error_code = coalesce(?, error_code),
                    status_changed_at = ?
                where id = ? and status_rank < ?""",
                status, rank, errorCode, timestamp(receivedAt), messageId, rank);
        return true;
    }

    /** What one report by SID did: the text it is about, and whether it was new. */
    record SidReport(long messageId, Long clientId, boolean recorded) {
    }

    /**
     * PostgreSQL only: the same two rules for the text with this Twilio SID, in one statement (one round trip,
     * atomic without a transaction around it), for the status callback, Twilio's busiest webhook.
     *
     * @return empty when no text has the SID
     */
    Optional<SidReport> recordBySid(String sid, String reportedStatus, String errorCode, Instant reportedAt) {
        String status = MessageStatus.normalise(reportedStatus);
        int rank = MessageStatus.rank(status);
        OffsetDateTime receivedAt = timestamp(clock.instant());
        List<SidReport> reports = jdbc.query("""
                with message as (select id, client_id from text_messages where twilio_sid = ?),
                event as (
                    insert into message_status_events (text_message_id, status, error_code, reported_at, received_at)
                    select id, ?::varchar, ?::varchar, ?::timestamptz, ?::timestamptz from message
                    on conflict do nothing
                    returning text_message_id),
                moved as (
                    update text_messages t set status = ?, status_rank = ?, error_code = coalesce(?, t.error_code),
                        status_changed_at = ?
                    from event where t.id = event.text_message_id and t.status_rank < ?
                    returning t.id)
                select message.id, message.client_id, exists (select 1 from event) as recorded from message""",
                (row, n) -> new SidReport(row.getLong(1), row.getObject(2, Long.class), row.getBoolean(3)),
                sid, status, errorCode, timestamp(reportedAt), receivedAt,
                status, rank, errorCode, receivedAt, rank);
        return reports.stream().findFirst();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
