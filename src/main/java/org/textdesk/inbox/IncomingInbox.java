package org.textdesk.inbox;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.client.ClientAccess;
import org.textdesk.client.Client;
import org.textdesk.client.ClientService;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.NotFoundException;
import org.textdesk.texts.Sql;

/**
 * Texts people sent to the Twilio number, once stored (the webhook stores them and links them to the
 * clients with that cell number): which ones nobody has read, the Incoming page, and attaching a text
 * from an unknown number to a client. Here an incoming text is read once anyone opens it or the Texts of a
 * client it is linked to (read by anyone, like a shared inbox); My inbox and its count are per person
 * ({@link ReadMarks}).
 */
@Service
public class IncomingInbox {

    static final int PAGE_SIZE = 25;

    /** How many texts past a page's first one the Incoming page counts. */
    static final int COUNT_AHEAD = 1_000;

    private static final Logger log = LoggerFactory.getLogger(IncomingInbox.class);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate namedJdbc;
    private final ClientService clientService;
    private final ReadMarks readMarks;

    IncomingInbox(JdbcTemplate jdbc, NamedParameterJdbcTemplate namedJdbc, ClientService clientService,
            ReadMarks readMarks) {
        this.jdbc = jdbc;
        this.namedJdbc = namedJdbc;
        this.clientService = clientService;
        this.readMarks = readMarks;
    }

    /**
     * How many incoming texts nobody has read, counted up to {@code limit + 1}: one short range of an
     * index (text_messages_unread_idx on PostgreSQL), however many texts the inbox holds. Only the texts of the
     * clients in the scope and from unknown numbers (restricted caseloads).
     */
    long unreadCount(int limit, ClientAccess.Scope scope) {
        return countUpTo(from(IncomingFilter.UNREAD, scope), limit + 1L);
    }

    /** The incoming texts a filter lists: FROM and WHERE on text_messages {@code m}. */
    static String from(IncomingFilter filter) {
        return " from text_messages m where m.direction = 'INBOUND'" + filter.condition();
    }

    /**
     * As {@link #from(IncomingFilter)}, only the texts of the clients in the scope (restricted caseloads) and from
     * unknown numbers, which are nobody's client.
     */
    static String from(IncomingFilter filter, ClientAccess.Scope scope) {
        if (scope.everyClient()) {
            return from(filter);
        }
        return from(filter) + " and (m.unknown_number = true or exists (select 1 from client_texts ct"
                + " join clients c on c.id = ct.client_id where ct.text_message_id = m.id and "
                + scope.sqlOn("c.caseworker_id") + "))";
    }

    /**
     * Counts the rows of {@link #from}, but no more than its one parameter: the newest ones, in the page's order,
     * so that the count walks the same index as the page. Without an order the planner may read the table from
     * its start until enough incoming texts turn up, which costs seconds when the oldest million rows are all
     * outgoing (measured at 10,000,000 texts: 7 s; src/docs/performance.md).
     */
    static String countSql(String from) {
        return "select count(*) from (select 1 as one" + from + " order by m.created_at desc, m.id desc limit ?) counted";
    }

    /** One page of {@link #from}, newest first; parameters: the page size and the offset. */
    static String pageSql(String from) {
        return "select m.id, m.from_number, m.body, m.created_at, m.read_at" + from
                + " order by m.created_at desc, m.id desc limit ? offset ?";
    }

    /**
     * One page of incoming texts, newest first, counted from 1; past the end, the last page. The texts are
     * counted only up to {@value #COUNT_AHEAD} past the page's first, so that a page costs the same with a
     * thousand texts as with millions (an exact count reads every one); beyond, the page says "more than".
     */
    @Transactional(readOnly = true)
    Listing page(IncomingFilter filter, ClientAccess.Scope scope, int pageNumber) {
        String where = from(filter, scope);
        int requested = Math.max(1, pageNumber);
        long counted = (requested - 1L) * PAGE_SIZE + COUNT_AHEAD;
        long found = countUpTo(where, counted + 1);
        int lastPage = (int) Math.max(1, (found + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(requested, lastPage);
        List<IncomingText> rows = found == 0 ? List.of() : jdbc.query(pageSql(where), IncomingInbox::withoutClients,
                PAGE_SIZE, (long) (number - 1) * PAGE_SIZE);
        Map<Long, List<IncomingText.LinkedClient>> clients = linkedClients(
                rows.stream().map(IncomingText::id).toList());
        List<IncomingText> texts = rows.stream()
                .map(text -> text.withClients(clients.getOrDefault(text.id(), List.of()))).toList();
        return new Listing(new PageImpl<>(texts, PageRequest.of(number - 1, PAGE_SIZE), found),
                found > counted ? counted : null);
    }

    /**
     * One page of the Incoming list.
     *
     * @param texts the texts; the total is exact when {@code moreThan} is null, else one more than it
     * @param moreThan when more texts match than were counted, how many were: "more than 1,000 texts"
     */
    record Listing(Page<IncomingText> texts, Long moreThan) {
    }

    private long countUpTo(String where, long limit) {
        Long count = jdbc.queryForObject(countSql(where), Long.class, limit);
        return count == null ? 0 : count;
    }

    /** One incoming text with the clients it is linked to, for the page that attaches it to a client. */
    @Transactional(readOnly = true)
    public IncomingText find(long messageId) {
        List<IncomingText> found = jdbc.query("""
                select m.id, m.from_number, m.body, m.created_at, m.read_at from text_messages m
                where m.id = ? and m.direction = 'INBOUND'""", IncomingInbox::withoutClients, messageId);
        if (found.isEmpty()) {
            throw new NotFoundException("incoming text", messageId);
        }
        return found.get(0).withClients(linkedClients(List.of(messageId)).getOrDefault(messageId, List.of()));
    }

    private static IncomingText withoutClients(ResultSet row, int n) throws java.sql.SQLException {
        return new IncomingText(row.getLong("id"), row.getString("from_number"), row.getString("body"),
                Sql.instant(row, "created_at"), row.getTimestamp("read_at") == null, List.of());
    }

    private Map<Long, List<IncomingText.LinkedClient>> linkedClients(List<Long> messageIds) {
        Map<Long, List<IncomingText.LinkedClient>> clients = new HashMap<>();
        if (messageIds.isEmpty()) {
            return clients;
        }
        namedJdbc.query("""
                select ct.text_message_id, c.id, c.first_name, c.last_name
                from client_texts ct join clients c on c.id = ct.client_id
                where ct.text_message_id in (:ids)
                order by c.last_name, c.first_name, c.id""", Map.of("ids", messageIds), (ResultSet row) -> {
                    clients.computeIfAbsent(row.getLong("text_message_id"), id -> new ArrayList<>())
                            .add(new IncomingText.LinkedClient(row.getLong("id"),
                                    row.getString("first_name") + " " + row.getString("last_name")));
                });
        return clients;
    }

    /**
     * Links an incoming text to a client, so it shows in the client's Texts at the time it was received.
     * Linking it again does nothing.
     *
     * @return the client
     * @throws NotFoundException when there is no such client or no such incoming text
     */
    @Transactional
    Client attach(long messageId, long clientId, StaffPrincipal staff) {
        Client client = clientService.findClient(clientId);
        Integer incoming = jdbc.queryForObject(
                "select count(*) from text_messages where id = ? and direction = 'INBOUND'", Integer.class, messageId);
        if (incoming == null || incoming == 0) {
            throw new NotFoundException("incoming text", messageId);
        }
        try {
            int linked = jdbc.update("""
                    insert into client_texts (client_id, text_message_id, created_at)
                    select ?, m.id, m.created_at from text_messages m
                    where m.id = ? and not exists (
                        select 1 from client_texts ct where ct.client_id = ? and ct.text_message_id = m.id)""",
                    clientId, messageId, clientId);
            // Linked now: no longer listed under texts from unknown numbers (IncomingFilter.UNKNOWN_NUMBER).
            jdbc.update("update text_messages set unknown_number = false where id = ? and unknown_number = true",
                    messageId);
            if (linked > 0) {
                log.info("Incoming text {} attached to client {} by {}", messageId, clientId, staff.getUsername());
            }
        } catch (DataIntegrityViolationException attachedAtTheSameMoment) {
            log.info("Incoming text {} was attached to client {} by someone else at the same moment", messageId,
                    clientId);
        }
        return client;
    }

    /**
     * Adds a client from the number an incoming text came from and attaches the text to them, in one
     * transaction (Unassigned, "create the client from the number"). The new client is the staff member's.
     *
     * @throws org.textdesk.system.FieldRuleException when the number is not a valid US cell; nothing is written
     */
    @Transactional
    Client createClientFrom(long messageId, String firstName, String lastName, StaffPrincipal staff) {
        IncomingText text = find(messageId);
        Client client = clientService.createFromNumber(firstName, lastName, text.fromNumber(), staff);
        return attach(messageId, client.getId(), staff);
    }

    /**
     * The staff member opened the client's texts (the conversation, or the Texts page): read for them up to the
     * newest ({@link ReadMarks#clientRead}), and read by anyone. Another caseworker's unread count does not change.
     */
    @Transactional
    public void markReadForClient(long clientId, long staffId) {
        readMarks.clientRead(clientId, staffId);
    }

    /** The staff member opened one incoming text: read by anyone; nobody's own mark moves. */
    @Transactional
    public void markRead(long messageId, long staffId) {
        readMarks.textRead(messageId, staffId);
    }
}
