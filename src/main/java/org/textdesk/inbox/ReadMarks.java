package org.textdesk.inbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.live.LiveEvent;
import org.textdesk.live.LiveEvents;
import org.textdesk.system.DatabaseProduct;
import org.textdesk.texts.Sql;

/**
 * Writes read state, per staff member and office-wide (src/docs/architecture.md, "Read state"). A person who opens a
 * client's texts moves their own mark ({@code inbox_read_marks}) to the client's newest text and marks the texts read
 * by anyone (text_messages.read_at, what the Incoming page shows). A caseworker without a mark of their own sees the
 * office-wide one; before anyone else's reading moves that, the caseworker's view is kept as a mark of theirs, so
 * that another person's reading never changes their unread count. A fixed number of statements, whatever the
 * timeline's length.
 */
@Component
class ReadMarks {

    /**
     * The caseworker's view of the clients chosen by {@code %s}, written as their mark where they have none: just
     * before the oldest incoming text nobody has read, else through the newest text. Parameters: marked_at, then the
     * clients' condition's, then the reader (whose own mark is written separately).
     */
    private static final String KEEP_CASEWORKERS_VIEW = """
            insert into inbox_read_marks (staff_id, client_id, through_created_at, through_text_id, marked_at)
            select w.caseworker_id, w.client_id, coalesce(w.unread_at, w.newest_at),
                   coalesce(w.unread_id - 1, w.newest_id), ?
            from (select c.caseworker_id, c.id as client_id,
                         (select ct.created_at from client_texts ct join text_messages m on m.id = ct.text_message_id
                          where ct.client_id = c.id and m.direction = 'INBOUND' and m.read_at is null
                          order by ct.created_at, ct.text_message_id limit 1) as unread_at,
                         (select ct.text_message_id from client_texts ct join text_messages m on m.id = ct.text_message_id
                          where ct.client_id = c.id and m.direction = 'INBOUND' and m.read_at is null
                          order by ct.created_at, ct.text_message_id limit 1) as unread_id,
                         (select ct.created_at from client_texts ct where ct.client_id = c.id
                          order by ct.created_at desc, ct.text_message_id desc limit 1) as newest_at,
                         (select ct.text_message_id from client_texts ct where ct.client_id = c.id
                          order by ct.created_at desc, ct.text_message_id desc limit 1) as newest_id
                  from clients c
                  where %s and c.caseworker_id is not null and c.caseworker_id <> ?
                    and not exists (select 1 from inbox_read_marks r
                                    where r.staff_id = c.caseworker_id and r.client_id = c.id)) w
            where w.newest_at is not null""";

    /** Moves the reader's mark forward to the client's newest text (never back: two tabs may race). */
    private static final String MARK_MINE_POSTGRES = """
            insert into inbox_read_marks (staff_id, client_id, through_created_at, through_text_id, marked_at)
            select ?, ct.client_id, ct.created_at, ct.text_message_id, ? from client_texts ct where ct.client_id = ?
            order by ct.created_at desc, ct.text_message_id desc limit 1
            on conflict (staff_id, client_id) do update
            set through_created_at = excluded.through_created_at, through_text_id = excluded.through_text_id,
                marked_at = excluded.marked_at
            where (inbox_read_marks.through_created_at, inbox_read_marks.through_text_id)
                < (excluded.through_created_at, excluded.through_text_id)""";

    /** The same on H2 (the embedded default, one instance), which has MERGE but no ON CONFLICT ... DO UPDATE. */
    private static final String MARK_MINE_H2 = """
            merge into inbox_read_marks r
            using (select cast(? as bigint) as staff_id, ct.client_id, ct.created_at, ct.text_message_id,
                          cast(? as timestamp with time zone) as marked_at
                   from client_texts ct where ct.client_id = ?
                   order by ct.created_at desc, ct.text_message_id desc limit 1) n
            on r.staff_id = n.staff_id and r.client_id = n.client_id
            when matched and (r.through_created_at < n.created_at
                              or r.through_created_at = n.created_at and r.through_text_id < n.text_message_id)
                then update set through_created_at = n.created_at, through_text_id = n.text_message_id,
                                marked_at = n.marked_at
            when not matched then insert (staff_id, client_id, through_created_at, through_text_id, marked_at)
                values (n.staff_id, n.client_id, n.created_at, n.text_message_id, n.marked_at)""";

    private static final String READ_BY_ANYONE_CLIENT = """
            update text_messages set read_at = ?
            where direction = 'INBOUND' and read_at is null
              and id in (select ct.text_message_id from client_texts ct where ct.client_id = ?)""";

    private static final String READ_BY_ANYONE_TEXT =
            "update text_messages set read_at = ? where id = ? and direction = 'INBOUND' and read_at is null";

    private static final String ONE_CLIENT = "c.id = ?";
    private static final String CLIENTS_OF_TEXT =
            "c.id in (select l.client_id from client_texts l where l.text_message_id = ?)";

    private final JdbcTemplate jdbc;
    private final LiveEvents liveEvents;
    private final Clock clock;
    private final boolean postgres;

    ReadMarks(JdbcTemplate jdbc, LiveEvents liveEvents, Clock clock, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.liveEvents = liveEvents;
        this.clock = clock;
        this.postgres = database.isPostgres();
    }

    /**
     * The staff member opened the client's texts: read for them up to the newest, and read by anyone. Their other
     * pages hear of it (their counts change); nobody else's count does. Call it in a transaction. On PostgreSQL one
     * statement (its data-modifying WITH parts all see the texts as they were before it), and the read event when
     * the mark moved; on H2 three.
     */
    void clientRead(long clientId, long staffId) {
        OffsetDateTime now = Sql.timestamp(clock.instant());
        int moved;
        if (postgres) {
            Integer marked = jdbc.queryForObject("with kept as (" + keepCaseworkersView(ONE_CLIENT) + " returning 1),"
                    + " mine as (" + MARK_MINE_POSTGRES + " returning 1),"
                    + " office as (" + READ_BY_ANYONE_CLIENT + " returning 1)"
                    + " select count(*) from mine", Integer.class,
                    now, clientId, staffId, staffId, now, clientId, now, clientId);
            moved = marked == null ? 0 : marked;
        } else {
            jdbc.update(keepCaseworkersView(ONE_CLIENT), now, clientId, staffId);
            moved = jdbc.update(MARK_MINE_H2, staffId, now, clientId);
            jdbc.update(READ_BY_ANYONE_CLIENT, now, clientId);
        }
        if (moved > 0) {
            liveEvents.publish(LiveEvent.read(clientId, staffId));
        }
    }

    /**
     * Someone opened one incoming text: read by anyone. Nobody's own mark moves (a mark covers a timeline up to a
     * point, not one text), but the caseworkers of its clients keep what they saw before.
     */
    void textRead(long messageId, long staffId) {
        OffsetDateTime now = Sql.timestamp(clock.instant());
        if (postgres) {
            jdbc.update("with kept as (" + keepCaseworkersView(CLIENTS_OF_TEXT) + " returning 1) "
                    + READ_BY_ANYONE_TEXT, now, messageId, staffId, now, messageId);
        } else {
            jdbc.update(keepCaseworkersView(CLIENTS_OF_TEXT), now, messageId, staffId);
            jdbc.update(READ_BY_ANYONE_TEXT, now, messageId);
        }
    }

    /** {@link #KEEP_CASEWORKERS_VIEW} for the clients chosen; on PostgreSQL a mark written meanwhile wins. */
    private String keepCaseworkersView(String clients) {
        return KEEP_CASEWORKERS_VIEW.formatted(clients) + (postgres ? " on conflict do nothing" : "");
    }
}
