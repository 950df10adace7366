package org.textdesk.grouptexts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.reminders.ClientTimeZones;

/** The group_texts statements and the reads of the chosen clients, as plain JDBC. */
@Component
class GroupTextRows {

    /** Clients read per statement (the IN list). */
    private static final int CHUNK = 500;

    private static final String GROUP_VIEW = """
            select g.id, g.author_id, a.display_name, g.body, g.filter_key, g.filter_caseworker_id, w.display_name,
                   g.filter_day, g.recipient_count, g.created_at, g.cancelled_at, x.display_name
            from group_texts g
            join staff a on a.id = g.author_id
            left join staff w on w.id = g.filter_caseworker_id
            left join staff x on x.id = g.cancelled_by
            """;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ClientTimeZones timeZones;

    GroupTextRows(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, ClientTimeZones timeZones) {
        this.jdbc = jdbc;
        this.named = named;
        this.timeZones = timeZones;
    }

    /** What the plan needs of each client: three statements per 500 clients, whatever their number. */
    List<GroupTextPlan.Facts> facts(List<Long> clientIds) {
        List<GroupTextPlan.Facts> facts = new ArrayList<>();
        for (int from = 0; from < clientIds.size(); from += CHUNK) {
            Map<String, Object> ids = Map.of("ids", clientIds.subList(from, Math.min(clientIds.size(), from + CHUNK)));
            Map<Long, List<GroupTextPlan.OpenCase>> openCases = new HashMap<>();
            named.query("select client_id, id, case_number from cases where closed_on is null and client_id in (:ids) "
                    + "order by id", ids, row -> {
                        openCases.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                                .add(new GroupTextPlan.OpenCase(row.getLong(2), row.getString(3)));
                    });
            facts.addAll(named.query("""
                    select c.id, c.first_name, c.last_name, c.cell_e164, c.okay_to_text, c.safe, tz.zone
                    from clients c left join client_time_zones tz on tz.client_id = c.id
                    where c.id in (:ids)""", ids, (row, n) -> new GroupTextPlan.Facts(row.getLong(1),
                    row.getString(2), row.getString(3), row.getString(4), row.getBoolean(5), row.getBoolean(6),
                    openCases.getOrDefault(row.getLong(1), List.of()),
                    timeZones.zonesOf(row.getString(4), row.getString(7)).zones())));
        }
        return facts;
    }

    Optional<Long> bySendKey(String sendKey) {
        return jdbc.queryForList("select id from group_texts where send_key = ?", Long.class, sendKey).stream()
                .findFirst();
    }

    long insertGroup(long authorId, String body, String filterKey, FilterChoice choice, int recipients,
            String sendKey, Instant now) {
        jdbc.update("""
                insert into group_texts (author_id, body, filter_key, filter_caseworker_id, filter_day, recipient_count,
                                         send_key, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", authorId, body, filterKey, choice.caseworkerId(),
                choice.day() == null ? null : Date.valueOf(choice.day()), recipients, sendKey, Timestamp.from(now));
        return jdbc.queryForObject("select id from group_texts where send_key = ?", Long.class, sendKey);
    }

    void insertRecipient(long groupId, long clientId, Long scheduledTextId, String leftOutBecause,
            String leftOutDetail) {
        jdbc.update("""
                insert into group_text_recipients (group_text_id, client_id, scheduled_text_id, left_out_because,
                                                   left_out_detail)
                values (?, ?, ?, ?, ?)""", groupId, clientId, scheduledTextId, leftOutBecause, leftOutDetail);
    }

    /** Marks the group cancelled once (the first cancel's time and person stay). */
    void cancelled(long groupId, long staffId, Instant now) {
        jdbc.update("update group_texts set cancelled_at = ?, cancelled_by = ? where id = ? and cancelled_at is null",
                Timestamp.from(now), staffId, groupId);
    }

    Optional<GroupText> find(long id) {
        return jdbc.query(GROUP_VIEW + " where g.id = ?", GroupTextRows::group, id).stream().findFirst();
    }

    /** The newest groups first: an author's own, or everyone's (null). */
    List<GroupText> list(Long authorId, int limit) {
        return authorId == null
                ? jdbc.query(GROUP_VIEW + " order by g.created_at desc, g.id desc limit ?", GroupTextRows::group, limit)
                : jdbc.query(GROUP_VIEW + " where g.author_id = ? order by g.created_at desc, g.id desc limit ?",
                        GroupTextRows::group, authorId, limit);
    }

    /** Every chosen client of the group with what became of their text, by name. */
    List<GroupText.Recipient> recipients(long groupId) {
        return jdbc.query("""
                select r.client_id, c.first_name || ' ' || c.last_name, r.scheduled_text_id, st.state, st.waiting_for,
                       st.next_try_at, st.reason, st.message_id, tm.status, tm.error_code, r.left_out_because,
                       r.left_out_detail
                from group_text_recipients r
                join clients c on c.id = r.client_id
                left join scheduled_texts st on st.id = r.scheduled_text_id
                left join text_messages tm on tm.id = st.message_id
                where r.group_text_id = ?
                order by c.last_name, c.first_name, r.client_id""", (row, n) -> new GroupText.Recipient(row.getLong(1),
                row.getString(2), row.getObject(3, Long.class), row.getString(4), row.getString(5), instant(row, 6),
                row.getString(7), row.getObject(8, Long.class), row.getString(9), row.getString(10), row.getString(11),
                row.getString(12)), groupId);
    }

    /** The group's scheduled texts not gone yet. */
    List<Long> waiting(long groupId) {
        return jdbc.queryForList("""
                select st.id from group_text_recipients r join scheduled_texts st on st.id = r.scheduled_text_id
                where r.group_text_id = ? and st.state = 'SCHEDULED' order by st.id""", Long.class, groupId);
    }

    private static GroupText group(ResultSet row, int n) throws SQLException {
        Date day = row.getDate(8);
        return new GroupText(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                row.getObject(6, Long.class), row.getString(7), day == null ? null : day.toLocalDate(), row.getInt(9),
                instant(row, 10), instant(row, 11), row.getString(12));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
