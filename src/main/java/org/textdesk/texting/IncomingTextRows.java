package org.textdesk.texting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL only: an ordinary incoming text (not a keyword) stored and linked to every client with the
 * sender's cell in one statement, atomic without a transaction around it; a MessageSid seen before, also
 * one posted twice at once, stores nothing. The same rows as {@link IncomingTexts}' portable path writes
 * through JPA, at a third of its cost (README "Performance").
 */
@Component
class IncomingTextRows {

    /** The stored text and how many clients' timelines it went into. */
    record Stored(long messageId, int clients) {
    }

    private final JdbcTemplate jdbc;

    IncomingTextRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param clientCell the sender as a client's cell is stored (E.164), or null when it is no valid cell
     * @return empty when a text with this MessageSid was stored before
     */
    Optional<Stored> storeLinked(String sid, String from, String to, String body, String clientCell, Instant now) {
        List<Stored> stored = jdbc.query("""
                with message as (
                    insert into text_messages (direction, to_number, from_number, body, twilio_sid, status, status_rank,
                        created_at, status_changed_at, unknown_number)
                    values ('INBOUND', ?, ?, ?, ?, ?, ?, ?, ?, not exists (select 1 from clients where cell_e164 = ?))
                    on conflict (twilio_sid) do nothing
                    returning id, created_at),
                linked as (
                    insert into client_texts (client_id, text_message_id, created_at)
                    select clients.id, message.id, message.created_at
                    from message join clients on clients.cell_e164 = ?
                    returning client_id)
                select message.id, (select count(*) from linked) from message""",
                (row, n) -> new Stored(row.getLong(1), row.getInt(2)),
                to, from, body, sid, MessageStatus.RECEIVED, MessageStatus.rank(MessageStatus.RECEIVED),
                now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), clientCell, clientCell);
        return stored.stream().findFirst();
    }
}
