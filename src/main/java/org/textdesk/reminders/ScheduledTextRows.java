package org.textdesk.reminders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The scheduled_texts statements, as plain JDBC; each state change is one conditional update. */
@Component
class ScheduledTextRows {

    /** What the send task needs of a row. */
    record Due(long id, long clientId, Long caseId, String body, Instant dueAt, String state, String waitingFor,
            Instant nextTryAt, boolean confirmNotSafe, String sendKey, long createdBy, int attempts, int version,
            String clientCell, String clientZoneOverride) {

        /** When it may go: its due time, or later while it waits for a retry or for quiet hours to end. */
        Instant wanted() {
            return nextTryAt != null && nextTryAt.isAfter(dueAt) ? nextTryAt : dueAt;
        }
    }

    private static final String VIEW = """
            select st.id, st.client_id, c.first_name || ' ' || c.last_name as client_name, st.case_id, st.body,
                   st.due_at, st.state, st.waiting_for, st.next_try_at, st.reason, st.message_id, tm.status,
                   st.created_by, s.display_name, st.confirm_not_safe, c.cell_e164, tz.zone
            from scheduled_texts st
            join clients c on c.id = st.client_id
            left join client_time_zones tz on tz.client_id = st.client_id
            join staff s on s.id = st.created_by
            left join text_messages tm on tm.id = st.message_id
            """;

    private final JdbcTemplate jdbc;

    ScheduledTextRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ScheduledTexts.NewText text, Instant now) {
        jdbc.update("""
                insert into scheduled_texts (client_id, case_id, body, due_at, state, confirm_not_safe, send_key,
                                             created_by, created_at, updated_at)
                values (?, ?, ?, ?, 'SCHEDULED', ?, ?, ?, ?, ?)""", text.clientId(), text.caseId(), text.body(),
                Timestamp.from(text.dueAt()), text.confirmNotSafe(), text.sendKey(), text.staffId(),
                Timestamp.from(now), Timestamp.from(now));
        return jdbc.queryForObject("select id from scheduled_texts where send_key = ?", Long.class, text.sendKey());
    }

    Optional<Long> bySendKey(String sendKey) {
        return jdbc.queryForList("select id from scheduled_texts where send_key = ?", Long.class, sendKey).stream()
                .findFirst();
    }

    /** A new body, case or time for a text not gone yet; it waits again. Its new version, or empty when gone. */
    Optional<Integer> change(long id, ScheduledTexts.NewText text, Instant now) {
        int changed = jdbc.update("""
                update scheduled_texts set case_id = ?, body = ?, due_at = ?, confirm_not_safe = ?, state = 'SCHEDULED',
                       waiting_for = null, next_try_at = null, reason = null, updated_at = ?, version = version + 1
                where id = ? and state in ('SCHEDULED', 'HELD')""", text.caseId(), text.body(),
                Timestamp.from(text.dueAt()), text.confirmNotSafe(), Timestamp.from(now), id);
        return changed == 0 ? Optional.empty()
                : Optional.of(jdbc.queryForObject("select version from scheduled_texts where id = ?", Integer.class, id));
    }

    boolean cancel(long id, Instant now) {
        return jdbc.update("""
                update scheduled_texts set state = 'CANCELLED', waiting_for = null, next_try_at = null, updated_at = ?,
                       version = version + 1
                where id = ? and state in ('SCHEDULED', 'HELD')""", Timestamp.from(now), id) == 1;
    }

    Optional<Due> due(long id) {
        return jdbc.query("""
                select st.id, st.client_id, st.case_id, st.body, st.due_at, st.state, st.waiting_for, st.next_try_at,
                       st.confirm_not_safe, st.send_key, st.created_by, st.attempts, st.version, c.cell_e164, tz.zone
                from scheduled_texts st
                left join clients c on c.id = st.client_id
                left join client_time_zones tz on tz.client_id = st.client_id
                where st.id = ?""", (row, n) -> new Due(row.getLong(1), row.getLong(2),
                row.getObject(3, Long.class), row.getString(4), instant(row, 5), row.getString(6), row.getString(7),
                instant(row, 8), row.getBoolean(9), row.getString(10), row.getLong(11), row.getInt(12),
                row.getInt(13), row.getString(14), row.getString(15)), id).stream().findFirst();
    }

    /**
     * Claims the text for the attempt about to go out: it is SENT, with its message row, in the transaction that
     * wrote that row. False when it was changed, cancelled or claimed meanwhile.
     */
    boolean claim(long id, int version, long messageId, Instant now) {
        return jdbc.update("""
                update scheduled_texts set state = 'SENT', message_id = ?, attempts = attempts + 1, waiting_for = null,
                       next_try_at = null, reason = null, updated_at = ?
                where id = ? and state = 'SCHEDULED' and version = ?""", messageId, Timestamp.from(now), id,
                version) == 1;
    }

    void waitFor(long id, int version, String waitingFor, Instant until, Instant now) {
        jdbc.update("""
                update scheduled_texts set waiting_for = ?, next_try_at = ?, updated_at = ?
                where id = ? and state = 'SCHEDULED' and version = ?""", waitingFor, Timestamp.from(until),
                Timestamp.from(now), id, version);
    }

    /** A text not sent this time that will be tried again (a temporary Twilio error). */
    void retryLater(long id, Instant at, String errorCode, Instant now) {
        jdbc.update("""
                update scheduled_texts set state = 'SCHEDULED', waiting_for = 'RETRY', next_try_at = ?, reason = ?,
                       updated_at = ?
                where id = ? and state = 'SENT'""", Timestamp.from(at), errorCode, Timestamp.from(now), id);
    }

    /** HELD or FAILED, with why. */
    void finish(long id, String state, String reason, Instant now) {
        jdbc.update("""
                update scheduled_texts set state = ?, reason = ?, waiting_for = null, next_try_at = null, updated_at = ?
                where id = ? and state in ('SCHEDULED', 'SENT')""", state, reason, Timestamp.from(now), id);
    }

    Optional<ScheduledText> find(long id) {
        return jdbc.query(VIEW + " where st.id = ?", ScheduledTextRows::view, id).stream().findFirst();
    }

    List<ScheduledText> findAll(java.util.Collection<Long> ids) {
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.query(VIEW + " where st.id in (" + marks + ")", ScheduledTextRows::view, ids.toArray());
    }

    /**
     * The list's states in its order: waiting (and held) ones first, soonest first; then the others, most recent
     * first. Every state of scheduled_texts_state_check is here.
     */
    private static final List<String> WAITING = List.of("SCHEDULED", "HELD");
    private static final List<String> GONE = List.of("SENT", "CANCELLED", "FAILED");

    /**
     * One page of the list: not sent yet (and held) first by due time, then the most recent others, from
     * {@code offset}. Each state's first {@code offset + limit} are found on its own, in the order of an index
     * ((created_by, state, due_at), or (state, due_at) for everyone's), so the database reads at most that many rows a
     * state however many a caseworker or the agency has scheduled over the years (issue 22: sorting all of them took
     * seconds at a million); the page then sorts those few as before.
     */
    List<ScheduledText> list(Long createdBy, org.textdesk.client.ClientAccess.Scope scope, long offset, int limit) {
        String mine = createdBy == null ? "" : " and st.created_by = ?";
        String inScope = scope.everyClient() ? "" : " and " + scope.sqlOn("c.caseworker_id");
        List<String> firsts = new java.util.ArrayList<>();
        List<Object> arguments = new java.util.ArrayList<>();
        for (String state : WAITING) {
            firsts.add(first(state, mine, inScope, "st.due_at, st.id desc"));
            addArguments(arguments, createdBy, offset + limit);
        }
        for (String state : GONE) {
            firsts.add(first(state, mine, inScope, "st.due_at desc, st.id desc"));
            addArguments(arguments, createdBy, offset + limit);
        }
        arguments.add(limit);
        arguments.add(offset);
        // the page's ids chosen among those few before the rows are joined to their clients, authors and texts
        return jdbc.query(VIEW + " where st.id in (select f.id from (" + String.join(" union all ", firsts) + ") f"
                + ORDER.replace("st.", "f.") + " limit ? offset ?)" + ORDER, ScheduledTextRows::view,
                arguments.toArray());
    }

    /** How many texts the list has, counted up to {@code limit} at most (an exact count would read every one). */
    long countUpTo(Long createdBy, org.textdesk.client.ClientAccess.Scope scope, long limit) {
        String mine = createdBy == null ? "" : " and st.created_by = ?";
        String inScope = scope.everyClient() ? "" : " and " + scope.sqlOn("c.caseworker_id");
        String sql = "select count(*) from (select 1 from scheduled_texts st"
                + (inScope.isEmpty() ? "" : " join clients c on c.id = st.client_id") + " where true" + mine + inScope
                + " limit ?) f";
        Long count = createdBy == null ? jdbc.queryForObject(sql, Long.class, limit)
                : jdbc.queryForObject(sql, Long.class, createdBy, limit);
        return count == null ? 0 : count;
    }

    private static final String ORDER = " " + """
            order by case when st.state in ('SCHEDULED', 'HELD') then 0 else 1 end,
                     case when st.state in ('SCHEDULED', 'HELD') then st.due_at end asc,
                     st.due_at desc, st.id desc""";

    private static String first(String state, String mine, String inScope, String order) {
        return "(select st.id, st.state, st.due_at from scheduled_texts st" + (inScope.isEmpty() ? "" : " join clients c on c.id = st.client_id")
                + " where st.state = '" + state + "'" + mine + inScope + " order by " + order + " limit ?)";
    }

    private static void addArguments(List<Object> arguments, Long createdBy, long limit) {
        if (createdBy != null) {
            arguments.add(createdBy);
        }
        arguments.add(limit);
    }

    /** A client's texts waiting to go (and held ones): the client's Texts page lists them above the sent ones. */
    List<ScheduledText> waitingOfClient(long clientId) {
        return jdbc.query(VIEW + " where st.client_id = ? and st.state in ('SCHEDULED', 'HELD') order by st.due_at, st.id",
                ScheduledTextRows::view, clientId);
    }

    private static ScheduledText view(ResultSet row, int n) throws SQLException {
        return new ScheduledText(row.getLong(1), row.getLong(2), row.getString(3), row.getObject(4, Long.class),
                row.getString(5), instant(row, 6), row.getString(7), row.getString(8), instant(row, 9),
                row.getString(10), row.getObject(11, Long.class), row.getString(12), row.getLong(13), row.getString(14),
                row.getBoolean(15), row.getString(16), row.getString(17));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
