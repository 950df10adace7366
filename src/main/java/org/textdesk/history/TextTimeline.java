package org.textdesk.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.textdesk.history.MessageDetails.StatusEvent;
import org.textdesk.texts.Sql;
import org.textdesk.texts.TextMessage;

/**
 * Reads timelines of texts, both directions, in a constant number of SQL statements whatever their length:
 * one page (newest first) walks client_texts_timeline_idx backwards; a whole timeline for an export reads
 * the texts and then all their status reports in one statement each.
 */
@Component
class TextTimeline {

    static final int PAGE_SIZE = 25;

    private static final String COLUMNS = """
            select m.id, m.direction, m.body, ct.created_at, m.to_number, m.from_number, m.status, m.error_code,
                   m.read_at, cs.case_number, s.display_name as sent_by_name
            from client_texts ct
            join text_messages m on m.id = ct.text_message_id
            left join cases cs on cs.id = m.case_id
            left join staff s on s.id = m.sent_by
            where\s""";

    private static final RowMapper<TimelineRow> ROW = TextTimeline::row;

    private final JdbcTemplate jdbc;

    TextTimeline(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the timeline, newest first, counted from 1; past the end, the last page. Two SQL
     * statements (three for a page past the end).
     */
    Page<TimelineRow> page(TimelineScope scope, int pageNumber) {
        long total = count(scope);
        int lastPage = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(Math.max(1, pageNumber), lastPage);
        List<Object> arguments = new ArrayList<>(scope.arguments());
        arguments.add(PAGE_SIZE);
        arguments.add((long) (number - 1) * PAGE_SIZE);
        List<TimelineRow> rows = total == 0 ? List.of() : jdbc.query(COLUMNS + scope.condition()
                + " order by ct.created_at desc, ct.text_message_id desc limit ? offset ?", ROW, arguments.toArray());
        return new PageImpl<>(rows, PageRequest.of(number - 1, PAGE_SIZE), total);
    }

    /**
     * The newest {@code limit} texts of the timeline, and one more when there is one (to tell that there are
     * more without counting them); one SQL statement walking the timeline index backwards.
     */
    List<TimelineRow> latest(TimelineScope scope, int limit) {
        List<Object> arguments = new ArrayList<>(scope.arguments());
        arguments.add(limit + 1);
        return jdbc.query(COLUMNS + scope.condition() + " order by ct.created_at desc, ct.text_message_id desc limit ?",
                ROW, arguments.toArray());
    }

    private long count(TimelineScope scope) {
        String sql = scope.caseId() == null
                ? "select count(*) from client_texts ct where " + scope.condition()
                : "select count(*) from client_texts ct join text_messages m on m.id = ct.text_message_id where "
                        + scope.condition();
        Long count = jdbc.queryForObject(sql, Long.class, scope.arguments().toArray());
        return count == null ? 0 : count;
    }

    /** The whole timeline, oldest first as a case file reads, each text with its status history. */
    List<TimelineEntry> everything(TimelineScope scope) {
        Map<Long, TimelineEntry> entries = new LinkedHashMap<>();
        jdbc.query(COLUMNS + scope.condition() + " order by ct.created_at, ct.text_message_id",
                (ResultSet result) -> {
                    TimelineRow row = row(result, 0);
                    entries.put(row.id(), new TimelineEntry(row, new ArrayList<>()));
                }, scope.arguments().toArray());
        if (entries.isEmpty()) {
            return List.of();
        }
        jdbc.query("""
                select e.text_message_id, e.status, e.error_code, coalesce(e.reported_at, e.received_at) as event_time,
                    e.received_at
                from message_status_events e
                where e.text_message_id in (select m.id from client_texts ct
                                            join text_messages m on m.id = ct.text_message_id where\s"""
                + scope.condition() + ") order by e.text_message_id, e.id", (ResultSet result) -> {
                    TimelineEntry entry = entries.get(result.getLong("text_message_id"));
                    if (entry != null) {
                        entry.history().add(new StatusEvent(result.getString("status"), result.getString("error_code"),
                                Sql.instant(result, "event_time"), Sql.instant(result, "received_at")));
                    }
                }, scope.arguments().toArray());
        entries.values().forEach(entry -> entry.history().sort(StatusEvent.TWILIO_ORDER));
        return List.copyOf(entries.values());
    }

    /** A text of a whole timeline with every status reported for it, in Twilio's order. */
    record TimelineEntry(TimelineRow row, List<StatusEvent> history) {
    }

    private static TimelineRow row(ResultSet result, int n) throws SQLException {
        return new TimelineRow(result.getLong("id"), TextMessage.Direction.valueOf(result.getString("direction")),
                result.getString("body"), Sql.instant(result, "created_at"), result.getString("to_number"),
                result.getString("from_number"), result.getString("status"), result.getString("error_code"),
                "INBOUND".equals(result.getString("direction")) && result.getTimestamp("read_at") == null,
                result.getString("case_number"), result.getString("sent_by_name"));
    }
}
