package org.textdesk.texting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Instant;
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

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
