package org.textdesk.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.client.Client;
import org.textdesk.live.LiveEvent;
import org.textdesk.live.LiveEvents;

/**
 * Announces stored incoming texts to open pages ({@link LiveEvents}): one event per client whose thread shows the
 * text, with the client's caseworker (whose My inbox counts it), or one without a client for an unknown number.
 */
@Component
class IncomingLiveEvents {

    private final JdbcTemplate jdbc;
    private final LiveEvents liveEvents;

    IncomingLiveEvents(JdbcTemplate jdbc, LiveEvents liveEvents) {
        this.jdbc = jdbc;
        this.liveEvents = liveEvents;
    }

    /** The texts of a batch, committed: whose they are is read back with one query. */
    void stored(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        List<LiveEvent> events = new ArrayList<>();
        Set<Long> linked = new HashSet<>();
        jdbc.query("""
                select ct.text_message_id, ct.client_id, c.caseworker_id
                from client_texts ct join clients c on c.id = ct.client_id
                where ct.text_message_id = any(?)""",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("bigint",
                        messageIds.toArray())),
                row -> {
                    long messageId = row.getLong(1);
                    linked.add(messageId);
                    events.add(LiveEvent.incoming(messageId, row.getLong(2), row.getObject(3, Long.class)));
                });
        messageIds.stream().filter(id -> !linked.contains(id))
                .forEach(id -> events.add(LiveEvent.incoming(id, null, null)));
        liveEvents.publish(events);
    }

    /** One text within the transaction that stores it, with the clients it was linked to. */
    void stored(long messageId, List<Client> clients) {
        if (clients.isEmpty()) {
            liveEvents.publish(LiveEvent.incoming(messageId, null, null));
            return;
        }
        liveEvents.publish(clients.stream()
                .map(client -> LiveEvent.incoming(messageId, client.getId(), client.getCaseworkerId())).toList());
    }
}
