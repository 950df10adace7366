package org.textdesk.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.client.ClientAccess;
import org.textdesk.coverage.Away;
import org.textdesk.system.DatabaseProduct;
import org.textdesk.texts.PhoneNumbers;
import org.textdesk.texts.Sql;

/**
 * The inbox per caseworker (issue 19): the unread texts from my clients (clients.caseworker_id, set by
 * caseloads), and what nobody's caseload covers: texts from unknown numbers and from clients with no
 * caseworker. My inbox is per person: a text is unread for me until I open the client's thread or Texts
 * ({@link ReadMarks}); Unassigned shows what nobody has read yet (read by anyone, as the Incoming page). While a
 * colleague is away, the texts from their clients they have not read are also in the inbox of the colleague covering
 * for them (issue 21 point 1), in a section of their own, and counted in its number.
 */
@Service
class MyInbox implements UnreadFromMyClients {

    /** How many texts each list shows; older ones are on the Incoming page. */
    static final int SHOWN = 50;

    /**
     * The texts unread for caseworker {@code ?} (given twice) from their clients, as one derived table: after their
     * mark where they have one (a short range of client_texts_timeline_idx per marked client), else not yet read by
     * anyone (text_messages_unread_idx). Columns: id, client_id, first_name, last_name, from_number, body,
     * created_at. The rule is {@link ReadMark#unreadFor}.
     * <p>
     * The second part starts from the texts nobody has read and looks each one's clients up (client_texts_message_idx,
     * clients_pkey). PostgreSQL cannot tell how few those texts are (sent texts have no read_at either: it guesses a
     * quarter of all texts) and would otherwise hash every client_texts row; the LATERAL subquery with OFFSET 0 is
     * never flattened into the join, so the lookups stay per text; newest first, so that it walks
     * text_messages_unread_time_idx (the few texts nobody has read) rather than the table. H2 (the embedded
     * default, small) has no LATERAL and joins plainly.
     */
    static String myUnread(boolean postgres) {
        return """
             (select m.id, c.id as client_id, c.first_name, c.last_name, m.from_number, m.body, m.created_at
              from inbox_read_marks r
              join clients c on c.id = r.client_id and c.caseworker_id = r.staff_id
             """ + (postgres
                // Per mark, the client's texts after it, each looked up by its id: the planner cannot tell that a
                // mark is near the end of a timeline (a third of a long timeline, it guesses), and in one order of
                // the tests it read every incoming text (50,060 rows for 10) or all of client_texts to join them
                // (PerPersonReadStateAtScaleTest); the fences leave it no other way.
                ? """
              join lateral (select m.id, m.from_number, m.body, m.created_at
                            from client_texts ct
                            join lateral (select m.id, m.from_number, m.body, m.created_at from text_messages m
                                          where m.id = ct.text_message_id and m.direction = 'INBOUND'
                                          offset 0) m on true
                            where ct.client_id = r.client_id
                              and (ct.created_at, ct.text_message_id) > (r.through_created_at, r.through_text_id)
                            offset 0) m on true
             """ : """
              join client_texts ct on ct.client_id = r.client_id
                   and (ct.created_at, ct.text_message_id) > (r.through_created_at, r.through_text_id)
              join text_messages m on m.id = ct.text_message_id and m.direction = 'INBOUND'
             """) + """
              where r.staff_id = ?
              union all
             """ + (postgres ? """
              (select m.id, c.id, c.first_name, c.last_name, m.from_number, m.body, m.created_at
               from text_messages m
               join lateral (select c.id, c.first_name, c.last_name
                             from client_texts ct join clients c on c.id = ct.client_id
                             where ct.text_message_id = m.id and c.caseworker_id = ?
                               and not exists (select 1 from inbox_read_marks r
                                               where r.staff_id = c.caseworker_id and r.client_id = c.id)
                             offset 0) c on true
               where m.direction = 'INBOUND' and m.read_at is null
               order by m.created_at desc, m.id desc)) mine""" : """
              select m.id, c.id, c.first_name, c.last_name, m.from_number, m.body, m.created_at
              from text_messages m
              join client_texts ct on ct.text_message_id = m.id
              join clients c on c.id = ct.client_id and c.caseworker_id = ?
              where m.direction = 'INBOUND' and m.read_at is null
                and not exists (select 1 from inbox_read_marks r
                                where r.staff_id = c.caseworker_id and r.client_id = c.id)) mine""");
    }

    /**
     * The texts nobody has read from the clients of the colleagues away now whom caseworker {@code ?} covers for
     * (parameters: the caseworker, now, now). Only counted when someone is away: the count's CASE never runs it
     * otherwise.
     */
    private static final String COVERED_UNREAD = """
             from text_messages m
             join client_texts ct on ct.text_message_id = m.id
             join clients c on c.id = ct.client_id
             where m.direction = 'INBOUND' and m.read_at is null and c.caseworker_id in (
                 select a.staff_id from staff_away a where a.covered_by = ? and a.away_from <= ? and a.away_until > ?)""";

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final Away away;
    private final Clock clock;

    MyInbox(JdbcTemplate jdbc, DatabaseProduct database, Away away, Clock clock) {
        this.jdbc = jdbc;
        this.postgres = database.isPostgres();
        this.away = away;
        this.clock = clock;
    }

    /** The unread texts from the clients of a colleague away now whom this person covers for. */
    record Covering(String colleagueName, List<InboxText> texts) {
    }

    /**
     * One text of an inbox list.
     *
     * @param clientId null for a text from an unknown number
     * @param clientName null for a text from an unknown number
     */
    record InboxText(long id, Long clientId, String clientName, String fromNumber, String body, Instant receivedAt,
            boolean unread) {

        /** The first line of the text, as a list shows it. */
        public String firstLine() {
            String trimmed = body == null ? "" : body.strip();
            int end = trimmed.indexOf('\n');
            return end < 0 ? trimmed : trimmed.substring(0, end).strip();
        }

        public String from() {
            return PhoneNumbers.display(fromNumber);
        }
    }

    /** The unread texts from the caseworker's clients, newest first. */
    @Transactional(readOnly = true)
    List<InboxText> unreadOf(long caseworkerId) {
        return jdbc.query(unreadPageSql(postgres), (row, n) -> new InboxText(row.getLong("id"), row.getLong("client_id"),
                row.getString("first_name") + " " + row.getString("last_name"), row.getString("from_number"),
                row.getString("body"), Sql.instant(row, "created_at"), true), caseworkerId, caseworkerId, SHOWN);
    }

    /** For each colleague away now whom this person covers for, by name: the texts from their clients unread for them. */
    @Transactional(readOnly = true)
    List<Covering> coveringFor(long staffId) {
        return away.coveredNowBy(staffId).stream()
                .map(colleague -> new Covering(colleague.displayName(), unreadOf(colleague.id()))).toList();
    }

    /**
     * How many texts from the caseworker's clients are unread for them, counted up to {@code limit + 1}, plus those
     * nobody has read from the clients of the colleagues away whom they cover for (up to {@code limit + 1} too):
     * one statement.
     */
    @Transactional(readOnly = true)
    long unreadCount(long caseworkerId, int limit) {
        java.time.OffsetDateTime now = Sql.timestamp(clock.instant());
        Long count = jdbc.queryForObject("select (" + unreadCountSql(postgres) + ") + (select case when exists ("
                + "select 1 from staff_away a where a.covered_by = ? and a.away_from <= ? and a.away_until > ?) "
                + "then (select count(*) from (select 1 as one " + COVERED_UNREAD + " limit ?) covered) else 0 end)",
                Long.class, caseworkerId, caseworkerId, limit + 1, caseworkerId, now, now, caseworkerId, now, now,
                limit + 1);
        return count == null ? 0 : count;
    }

    /** How many texts from the caseworker's clients are unread, and when the oldest came in (email alerts). */
    @Override
    @Transactional(readOnly = true)
    public Unread unreadSummaryOf(long caseworkerId) {
        return jdbc.queryForObject("select count(*) as unread, min(mine.created_at) as oldest from " + myUnread(postgres),
                (row, n) -> new Unread(row.getLong("unread"), Sql.instant(row, "oldest")), caseworkerId, caseworkerId);
    }

    /** The newest of {@link #myUnread}; parameters: the caseworker twice, how many. */
    static String unreadPageSql(boolean postgres) {
        return "select * from " + myUnread(postgres) + " order by mine.created_at desc, mine.id desc limit ?";
    }

    /** Counts {@link #myUnread} up to a limit; parameters: the caseworker twice, the limit. */
    static String unreadCountSql(boolean postgres) {
        return "select count(*) from (select 1 as one from " + myUnread(postgres) + " limit ?) counted";
    }

    /** Texts from numbers no client has, newest first: to attach to a client. */
    @Transactional(readOnly = true)
    List<InboxText> fromUnknownNumbers() {
        return jdbc.query("""
                select m.id, cast(null as bigint) as client_id, cast(null as varchar(80)) as first_name,
                    cast(null as varchar(80)) as last_name, m.from_number, m.body,
                    m.created_at, m.read_at
                from text_messages m where m.direction = 'INBOUND' and m.unknown_number = true
                order by m.created_at desc, m.id desc limit ?""", MyInbox::row, SHOWN);
    }

    /**
     * Texts from clients who have no caseworker, newest first: to claim the client. None for a person whose scope is
     * not every client (restricted caseloads): a client without a caseworker is nobody's, so supervisors and admins
     * assign it.
     */
    @Transactional(readOnly = true)
    List<InboxText> fromUnassignedClients(ClientAccess.Scope scope) {
        if (!scope.everyClient()) {
            return List.of();
        }
        return jdbc.query("""
                select m.id, c.id as client_id, c.first_name, c.last_name, m.from_number, m.body, m.created_at,
                    m.read_at
                from clients c
                join client_texts ct on ct.client_id = c.id
                join text_messages m on m.id = ct.text_message_id
                where c.caseworker_id is null and m.direction = 'INBOUND'
                order by m.created_at desc, m.id desc limit ?""", MyInbox::row, SHOWN);
    }

    private static InboxText row(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        Long clientId = (Long) row.getObject("client_id", Long.class);
        return new InboxText(row.getLong("id"), clientId,
                clientId == null ? null : row.getString("first_name") + " " + row.getString("last_name"),
                row.getString("from_number"), row.getString("body"), Sql.instant(row, "created_at"),
                row.getTimestamp("read_at") == null);
    }
}
