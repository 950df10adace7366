package org.textdesk.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.textdesk.system.DatabaseProduct;

/**
 * Where other modules say that something an open page shows has changed. Call it after the write, in its
 * transaction or after its commit: an event never announces what a page cannot read yet.
 * <p>
 * On PostgreSQL the events go out with {@code pg_notify} (in the writer's transaction, so PostgreSQL delivers them at
 * its commit and drops them on rollback; outside one, at once, after the statement committed), and every instance's
 * {@link PostgresLiveListener} hands them to its open streams, whichever instance took the webhook. On the embedded
 * H2 default (one instance, no NOTIFY) they go straight to this instance's streams after the commit.
 */
@Component
public class LiveEvents {

    static final String CHANNEL = "textdesk_live";

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final JdbcTemplate jdbc;
    private final LiveStreams streams;
    private final boolean notify;

    LiveEvents(JdbcTemplate jdbc, LiveStreams streams, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.streams = streams;
        this.notify = database.isPostgres();
    }

    public void publish(LiveEvent event) {
        publish(List.of(event));
    }

    /** Publishes the events with one statement (a batch writer's whole batch). */
    public void publish(Collection<LiveEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<LiveEvent> copy = List.copyOf(events);
        if (notify) {
            notifyAll(copy);
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    streams.deliver(copy);
                }
            });
        } else {
            streams.deliver(copy);
        }
    }

    private void notifyAll(List<LiveEvent> events) {
        List<String> payloads = new ArrayList<>(events.size());
        events.forEach(event -> payloads.add(event.payload()));
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        try {
            jdbc.query("select pg_notify(?, p) from unnest(?::text[]) as p", statement -> {
                statement.setString(1, CHANNEL);
                statement.setArray(2, statement.getConnection().createArrayOf("text", payloads.toArray()));
            }, row -> { });
        } catch (DataAccessException notSent) {
            if (inTransaction) {
                // The transaction cannot go on after a failed statement; its write fails as it would have.
                throw notSent;
            }
            // Already committed: the pages miss this change until they reload or the listener resyncs them.
            log.info("Live events not sent: {}", notSent.getClass().getSimpleName());
        }
    }
}
