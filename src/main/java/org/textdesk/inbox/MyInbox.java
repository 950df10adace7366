package org.textdesk.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.coverage.Away;
import org.textdesk.texts.PhoneNumbers;
import org.textdesk.texts.Sql;

/**
 * The inbox per caseworker (issue 19): the unread texts from my clients (clients.caseworker_id, set by
 * caseloads), and what nobody's caseload covers: texts from unknown numbers and from clients with no
 * caseworker. Read is still one mark for everyone ({@link IncomingInbox}): opening a client's thread or
 * Texts marks them read. While a colleague is away, the unread texts from their clients are also in the inbox of
 * the colleague covering for them (issue 21 point 1), in a section of their own, and counted in its number.
 */
@Service
class MyInbox implements UnreadFromMyClients {

    /** How many texts each list shows; older ones are on the Incoming page. */
    static final int SHOWN = 50;

    private static final String MY_UNREAD = """
             from text_messages m
             join client_texts ct on ct.text_message_id = m.id
             join clients c on c.id = ct.client_id
             where m.direction = 'INBOUND' and m.read_at is null and c.caseworker_id = ?""";

    /** My clients, and the clients of the colleagues away now whom I cover for. */
    private static final String MINE_AND_COVERED_UNREAD = """
             from text_messages m
             join client_texts ct on ct.text_message_id = m.id
             join clients c on c.id = ct.client_id
             where m.direction = 'INBOUND' and m.read_at is null and (c.caseworker_id = ? or c.caseworker_id in (
                 select a.staff_id from staff_away a where a.covered_by = ? and a.away_from <= ? and a.away_until > ?))""";

    private final JdbcTemplate jdbc;
    private final Away away;
    private final Clock clock;

    MyInbox(JdbcTemplate jdbc, Away away, Clock clock) {
        this.jdbc = jdbc;
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
        return jdbc.query("select m.id, c.id as client_id, c.first_name, c.last_name, m.from_number, m.body,"
                + " m.created_at, m.read_at " + MY_UNREAD + " order by m.created_at desc, m.id desc limit ?",
                MyInbox::row, caseworkerId, SHOWN);
    }

    /** For each colleague away now whom this person covers for, by name: the unread texts from their clients. */
    @Transactional(readOnly = true)
    List<Covering> coveringFor(long staffId) {
        return away.coveredNowBy(staffId).stream()
                .map(colleague -> new Covering(colleague.displayName(), unreadOf(colleague.id()))).toList();
    }

    /**
     * How many texts from the caseworker's clients, and from those of the colleagues away whom they cover for, are
     * unread, counted up to {@code limit + 1}.
     */
    @Transactional(readOnly = true)
    long unreadCount(long caseworkerId, int limit) {
        java.time.OffsetDateTime now = Sql.timestamp(clock.instant());
        Long count = jdbc.queryForObject("select count(*) from (select 1 as one " + MINE_AND_COVERED_UNREAD
                + " limit ?) counted", Long.class, caseworkerId, caseworkerId, now, now, limit + 1);
        return count == null ? 0 : count;
    }

    /** How many texts from the caseworker's clients are unread, and when the oldest came in (email alerts). */
    @Override
    @Transactional(readOnly = true)
    public Unread unreadSummaryOf(long caseworkerId) {
        return jdbc.queryForObject("select count(*) as unread, min(m.created_at) as oldest " + MY_UNREAD,
                (row, n) -> new Unread(row.getLong("unread"), Sql.instant(row, "oldest")), caseworkerId);
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
    List<InboxText> fromUnassignedClients(org.textdesk.client.ClientAccess.Scope scope) {
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
