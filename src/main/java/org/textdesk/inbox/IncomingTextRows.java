package org.textdesk.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.media.IncomingMedia;
import org.textdesk.texts.MessageStatus;

/**
 * PostgreSQL only: ordinary incoming texts (not keywords) stored and linked to every client with the
 * sender's cell in one statement, atomic without a transaction around it; a MessageSid seen before, also
 * one posted twice at once, stores nothing. The same rows as {@link IncomingTexts}' portable path writes
 * through JPA, at a fraction of its cost (README "Performance").
 */
@Component
class IncomingTextRows {

    /** The stored text and how many clients' timelines it went into. */
    record Stored(long messageId, int clients) {
    }

    /**
     * One ordinary incoming text to store. {@code clientCell} is the sender as clients' cells are stored
     * (E.164), or null when it is no valid cell; {@code messagingServiceSid} the MessagingServiceSid Twilio posted, or
     * null.
     */
    record IncomingRow(String sid, String from, String to, String body, String clientCell, Instant receivedAt,
            IncomingMedia media, String messagingServiceSid) {

        /** A text without files. */
        IncomingRow(String sid, String from, String to, String body, String clientCell, Instant receivedAt) {
            this(sid, from, to, body, clientCell, receivedAt, IncomingMedia.NONE, null);
        }

        /** A text that came in outside a Messaging Service. */
        IncomingRow(String sid, String from, String to, String body, String clientCell, Instant receivedAt,
                IncomingMedia media) {
            this(sid, from, to, body, clientCell, receivedAt, media, null);
        }
    }

    private final JdbcTemplate jdbc;

    IncomingTextRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the texts, each linked to every client with the sender's cell, in one statement and one commit
     * ({@link IncomingTextBatches}). A MessageSid stored before, or repeated within the texts (for all but the
     * first), stores nothing.
     *
     * @return per text, in order: what was stored, or null when its MessageSid was stored before
     */
    List<Stored> storeLinked(List<IncomingRow> texts) {
        int size = texts.size();
        String[] sids = new String[size];
        String[] froms = new String[size];
        String[] tos = new String[size];
        String[] bodies = new String[size];
        String[] clientCells = new String[size];
        String[] receivedAts = new String[size];
        Integer[] numMedia = new Integer[size];
        String[] services = new String[size];
        List<String> mediaSids = new ArrayList<>();
        List<Integer> mediaPositions = new ArrayList<>();
        List<String> mediaUrls = new ArrayList<>();
        List<String> mediaTypes = new ArrayList<>();
        List<String> mediaStates = new ArrayList<>();
        List<String> mediaReasons = new ArrayList<>();
        java.util.Set<String> withMedia = new java.util.HashSet<>();
        for (int i = 0; i < size; i++) {
            IncomingRow text = texts.get(i);
            sids[i] = text.sid();
            froms[i] = text.from();
            tos[i] = text.to();
            bodies[i] = text.body();
            clientCells[i] = text.clientCell();
            receivedAts[i] = text.receivedAt().toString();
            numMedia[i] = text.media().numMedia();
            services[i] = text.messagingServiceSid();
            // a text posted twice in one batch is stored once (its first copy), and so are its files
            List<IncomingMedia.Item> items = withMedia.add(text.sid()) ? text.media().items() : List.of();
            for (IncomingMedia.Item item : items) {
                mediaSids.add(text.sid());
                mediaPositions.add(item.position());
                mediaUrls.add(item.url());
                mediaTypes.add(item.declaredType());
                mediaStates.add(item.state());
                mediaReasons.add(item.notKeptReason());
            }
        }
        Map<String, Stored> storedBySid = new HashMap<>();
        jdbc.query("""
                with text as (
                    select distinct on (sid) *
                    from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[],
                        ?::int[], ?::varchar[])
                        with ordinality as t(sid, from_number, to_number, body, client_cell, received_at, num_media,
                            messaging_service_sid, n)
                    order by sid, n),
                message as (
                    insert into text_messages (direction, to_number, from_number, body, twilio_sid, status, status_rank,
                        created_at, status_changed_at, unknown_number, num_media, messaging_service_sid)
                    select 'INBOUND', t.to_number, t.from_number, t.body, t.sid, ?, ?, t.received_at::timestamptz,
                        t.received_at::timestamptz, not exists (select 1 from clients where cell_e164 = t.client_cell),
                        t.num_media, t.messaging_service_sid
                    from text t order by t.n
                    on conflict (twilio_sid) do nothing
                    returning id, twilio_sid, created_at),
                linked as (
                    insert into client_texts (client_id, text_message_id, created_at)
                    select clients.id, message.id, message.created_at
                    from message join text t on t.sid = message.twilio_sid join clients on clients.cell_e164 = t.client_cell
                    returning text_message_id),
                media as (
                    insert into text_media (text_message_id, position, twilio_url, declared_type, state,
                        not_kept_reason, next_attempt_at)
                    select message.id, f.position, f.url, f.declared_type, f.state, f.reason, message.created_at
                    from message
                    join unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
                        as f(sid, position, url, declared_type, state, reason) on f.sid = message.twilio_sid)
                select message.twilio_sid, message.id,
                    (select count(*) from linked where linked.text_message_id = message.id)
                from message""",
                statement -> {
                    var connection = statement.getConnection();
                    statement.setArray(1, connection.createArrayOf("varchar", sids));
                    statement.setArray(2, connection.createArrayOf("varchar", froms));
                    statement.setArray(3, connection.createArrayOf("varchar", tos));
                    statement.setArray(4, connection.createArrayOf("varchar", bodies));
                    statement.setArray(5, connection.createArrayOf("varchar", clientCells));
                    statement.setArray(6, connection.createArrayOf("text", receivedAts));
                    statement.setArray(7, connection.createArrayOf("int4", numMedia));
                    statement.setArray(8, connection.createArrayOf("varchar", services));
                    statement.setString(9, MessageStatus.RECEIVED);
                    statement.setInt(10, MessageStatus.rank(MessageStatus.RECEIVED));
                    statement.setArray(11, connection.createArrayOf("varchar", mediaSids.toArray()));
                    statement.setArray(12, connection.createArrayOf("int4", mediaPositions.toArray()));
                    statement.setArray(13, connection.createArrayOf("varchar", mediaUrls.toArray()));
                    statement.setArray(14, connection.createArrayOf("varchar", mediaTypes.toArray()));
                    statement.setArray(15, connection.createArrayOf("varchar", mediaStates.toArray()));
                    statement.setArray(16, connection.createArrayOf("varchar", mediaReasons.toArray()));
                },
                row -> {
                    storedBySid.put(row.getString(1), new Stored(row.getLong(2), row.getInt(3)));
                });
        List<Stored> results = new ArrayList<>(size);
        for (String sid : sids) {
            results.add(storedBySid.remove(sid));
        }
        return results;
    }
}
