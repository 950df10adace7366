package org.textdesk.texts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.textdesk.live.LiveEvent;
import org.textdesk.live.LiveEvents;
import org.springframework.stereotype.Component;

/**
 * Writes a text's status history and moves its current status, by the rules for reports that arrive
 * out of order, twice, or at once: each (message, status) is kept once, and the current status only
 * moves to a higher rank. Both rules are single SQL statements, so parallel reports cannot undo each other.
 */
@Component
public class StatusHistory {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LiveEvents liveEvents;

    StatusHistory(JdbcTemplate jdbc, Clock clock, LiveEvents liveEvents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.liveEvents = liveEvents;
    }

    /**
     * Records one report within the caller's transaction.
     *
     * @return true when the report was new (not a repeat)
     */
    public boolean record(long messageId, String reportedStatus, String errorCode, Instant reportedAt) {
        return record(messageId, reportedStatus, errorCode, reportedAt, clock.instant());
    }

    /** The same, for a report that arrived at {@code receivedAt} (kept early, applied now). */
    public boolean record(long messageId, String reportedStatus, String errorCode, Instant reportedAt, Instant receivedAt) {
        return record(messageId, null, reportedStatus, errorCode, reportedAt, receivedAt);
    }

    /**
     * The same, for a caller that knows the text's client (the send path): the client is not looked up again. A null
     * {@code clientId} means not known here; the text's row says.
     */
    public boolean recordForClient(long messageId, Long clientId, String reportedStatus, String errorCode,
            Instant reportedAt) {
        return record(messageId, clientId, reportedStatus, errorCode, reportedAt, clock.instant());
    }

    private boolean record(long messageId, Long knownClientId, String reportedStatus, String errorCode,
            Instant reportedAt, Instant receivedAt) {
        String status = MessageStatus.normalise(reportedStatus);
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
        // Open threads show the new status (and a text just sent) once the caller's transaction commits.
        Long clientId = knownClientId != null ? knownClientId
                : jdbc.queryForObject("select client_id from text_messages where id = ?", Long.class, messageId);
        liveEvents.publish(LiveEvent.status(messageId, clientId));
        return true;
    }

    /**
     * Keeps the Messaging Service a report named for its text, within the caller's transaction, when the text has
     * none yet (a text is sent through one service, so a known one never changes).
     */
    public void keepMessagingService(long messageId, String messagingServiceSid) {
        if (messagingServiceSid != null) {
            jdbc.update("update text_messages set messaging_service_sid = ? where id = ? and messaging_service_sid is null",
                    messagingServiceSid, messageId);
        }
    }

    /** What one report by SID did: the text it is about, and whether it was new. */
    public record SidReport(long messageId, Long clientId, boolean recorded) {
    }

    /**
     * One report of a batch for {@link #recordBySids}, its status already normalised; {@code messagingServiceSid} the
     * MessagingServiceSid the callback carried, or null.
     */
    public record SidStatus(String sid, String status, String errorCode, Instant reportedAt,
            String messagingServiceSid) {

        /** A report that names no Messaging Service. */
        public SidStatus(String sid, String status, String errorCode, Instant reportedAt) {
            this(sid, status, errorCode, reportedAt, null);
        }
    }

    /**
     * PostgreSQL only: the same two rules for the texts with these Twilio SIDs, in one statement and one commit
     * (atomic without a transaction around it), for callbacks that arrive together (the status module's StatusReportBatches).
     * The reports must be distinct (SID, status) pairs.
     * Where a batch holds several new statuses of one text, the current status moves once, to the highest
     * rank (the first of equal ranks), with that report's error code or else another new one's. A text without a
     * Messaging Service takes the one a report names (in the same update: a row is changed once per statement).
     *
     * @return per report, in order: its text and whether it was new, or null when no text has the SID
     */
    public List<SidReport> recordBySids(List<SidStatus> reports) {
        int size = reports.size();
        String[] sids = new String[size];
        String[] statuses = new String[size];
        String[] errorCodes = new String[size];
        String[] reportedAts = new String[size];
        Integer[] ranks = new Integer[size];
        String[] services = new String[size];
        for (int i = 0; i < size; i++) {
            SidStatus report = reports.get(i);
            sids[i] = report.sid();
            statuses[i] = report.status();
            errorCodes[i] = report.errorCode();
            reportedAts[i] = report.reportedAt() == null ? null : report.reportedAt().toString();
            ranks[i] = MessageStatus.rank(report.status());
            services[i] = report.messagingServiceSid();
        }
        OffsetDateTime receivedAt = timestamp(clock.instant());
        SidReport[] outcomes = new SidReport[size];
        jdbc.query("""
                with report as (
                    select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::int[], ?::varchar[])
                        with ordinality as r(sid, status, error_code, reported_at, rank, messaging_service_sid, n)),
                message as (
                    select r.n, r.status, r.error_code, r.reported_at::timestamptz as reported_at, r.rank,
                        r.messaging_service_sid, t.messaging_service_sid is null as service_unknown, t.id, t.client_id
                    from report r join text_messages t on t.twilio_sid = r.sid),
                event as (
                    insert into message_status_events (text_message_id, status, error_code, reported_at, received_at)
                    select id, status, error_code, reported_at, ?::timestamptz from message order by n
                    on conflict do nothing
                    returning text_message_id, status),
                new_report as (
                    select m.* from message m join event e on e.text_message_id = m.id and e.status = m.status),
                highest as (
                    select distinct on (id) id, status, rank,
                        coalesce(error_code, (select max(o.error_code) from new_report o where o.id = h.id)) as error_code
                    from new_report h order by id, rank desc, n),
                service as (
                    select id, max(messaging_service_sid) as messaging_service_sid from message
                    where service_unknown and messaging_service_sid is not null group by id),
                change as (
                    select coalesce(h.id, s.id) as id, h.status, h.rank, h.error_code, s.messaging_service_sid
                    from highest h full join service s on s.id = h.id),
                moved as (
                    update text_messages t set
                        status = case when c.rank > t.status_rank then c.status else t.status end,
                        status_rank = case when c.rank > t.status_rank then c.rank else t.status_rank end,
                        error_code = case when c.rank > t.status_rank then coalesce(c.error_code, t.error_code)
                            else t.error_code end,
                        status_changed_at = case when c.rank > t.status_rank then ? else t.status_changed_at end,
                        messaging_service_sid = coalesce(t.messaging_service_sid, c.messaging_service_sid)
                    from change c
                    where t.id = c.id and (c.rank > t.status_rank
                        or (t.messaging_service_sid is null and c.messaging_service_sid is not null))
                    returning t.id)
                select m.n, m.id, m.client_id, exists (select 1 from new_report r where r.n = m.n) as recorded
                from message m""",
                statement -> {
                    var connection = statement.getConnection();
                    statement.setArray(1, connection.createArrayOf("varchar", sids));
                    statement.setArray(2, connection.createArrayOf("varchar", statuses));
                    statement.setArray(3, connection.createArrayOf("varchar", errorCodes));
                    statement.setArray(4, connection.createArrayOf("text", reportedAts));
                    statement.setArray(5, connection.createArrayOf("int4", ranks));
                    statement.setArray(6, connection.createArrayOf("varchar", services));
                    statement.setObject(7, receivedAt);
                    statement.setObject(8, receivedAt);
                },
                row -> {
                    outcomes[(int) row.getLong(1) - 1] = new SidReport(row.getLong(2), row.getObject(3, Long.class),
                            row.getBoolean(4));
                });
        // One statement, committed when there is no transaction around it (the batch writer): announced after it.
        List<LiveEvent> changed = new ArrayList<>();
        for (SidReport outcome : outcomes) {
            if (outcome != null && outcome.recorded()) {
                changed.add(LiveEvent.status(outcome.messageId(), outcome.clientId()));
            }
        }
        liveEvents.publish(changed);
        return Arrays.asList(outcomes);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
