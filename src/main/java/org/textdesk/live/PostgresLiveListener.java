package org.textdesk.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.textdesk.system.DatabaseProduct;

/**
 * On PostgreSQL: this instance's one {@code LISTEN} connection, on a thread of its own, which hands every
 * {@link LiveEvents} notification (from any instance on the database) to the open streams. It is a connection of
 * its own, outside the pool (a pooled connection would be handed back and lose its LISTEN), named
 * {@code <spring.application.name>-live-<8 hex digits of this instance>} in {@code pg_stat_activity}. When the database goes away it connects again, waiting
 * twice as long each time (at most {@value #MAX_WAIT_MS} ms), and tells the pages to refresh: what was notified
 * meanwhile was lost.
 */
@Component
class PostgresLiveListener implements SmartLifecycle {

    private static final int POLL_MS = 5000;
    private static final long FIRST_WAIT_MS = 500;
    private static final long MAX_WAIT_MS = 30_000;

    private static final Logger log = LoggerFactory.getLogger(PostgresLiveListener.class);

    private final LiveStreams streams;
    private final boolean enabled;
    private final String url;
    private final String applicationName;
    private final Properties credentials = new Properties();
    /**
     * The listening loop that runs now, or null when stopped. Each start has a loop of its own, which only its own
     * stop ends: a stop and a quick start again (the test framework pauses and resumes contexts) must never leave the
     * old loop listening beside the new one, nor let the old loop's end stop the new one.
     */
    private volatile Run current;

    /** One start's listening loop: its thread, its flag and its connection. */
    private static final class Run {
        volatile boolean active = true;
        volatile Connection connection;
        Thread thread;
    }

    PostgresLiveListener(LiveStreams streams, DatabaseProduct database, Environment environment) {
        this.streams = streams;
        this.enabled = database.isPostgres();
        this.url = environment.getProperty("spring.datasource.url");
        credentials.setProperty("user", environment.getProperty("spring.datasource.username", ""));
        credentials.setProperty("password", environment.getProperty("spring.datasource.password", ""));
        this.applicationName = environment.getProperty("spring.application.name", "textdesk") + "-live-"
                + UUID.randomUUID().toString().substring(0, 8);
        credentials.setProperty("ApplicationName", applicationName);
        credentials.setProperty("tcpKeepAlive", "true");
    }

    private void listen(Run run) {
        long wait = FIRST_WAIT_MS;
        boolean lostBefore = false;
        while (run.active) {
            try (Connection listening = DriverManager.getConnection(url, credentials)) {
                run.connection = listening;
                if (!run.active) {
                    return;
                }
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + LiveEvents.CHANNEL);
                }
                if (lostBefore) {
                    log.info("Live updates listening again");
                    streams.deliver(List.of(LiveEvent.resync()));
                    lostBefore = false;
                }
                wait = FIRST_WAIT_MS;
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (run.active) {
                    PGNotification[] arrived = notifications.getNotifications(POLL_MS);
                    // A stopped loop's last poll delivers nothing: a new start may already be listening.
                    if (arrived != null && arrived.length > 0 && run.active) {
                        streams.deliver(events(arrived));
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                if (!run.active) {
                    return;
                }
                if (!lostBefore) {
                    // Once per outage, and not as a warning: system.DatabaseAvailability says the database is away.
                    log.info("Live updates stopped listening ({}); connecting again", lost.getClass().getSimpleName());
                }
                lostBefore = true;
                if (!pause(run, wait)) {
                    return;
                }
                wait = Math.min(wait * 2, MAX_WAIT_MS);
            } finally {
                run.connection = null;
            }
        }
    }

    /** How this instance's listening connection is named in {@code pg_stat_activity}. */
    String applicationName() {
        return applicationName;
    }

    private static List<LiveEvent> events(PGNotification[] arrived) {
        List<LiveEvent> events = new ArrayList<>(arrived.length);
        for (PGNotification notification : arrived) {
            LiveEvent event = LiveEvent.fromPayload(notification.getParameter());
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    /** Waits before connecting again; false when this loop was stopped meanwhile. */
    private static boolean pause(Run run, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            // Only stop() interrupts a loop's thread, and it ends that loop alone.
            Thread.currentThread().interrupt();
            return false;
        }
        return run.active;
    }

    @Override
    public synchronized void start() {
        if (!enabled || current != null) {
            return;
        }
        Run run = new Run();
        run.thread = new Thread(() -> listen(run), "live-listener");
        run.thread.setDaemon(true);
        current = run;
        run.thread.start();
    }

    @Override
    public synchronized void stop() {
        Run run = current;
        current = null;
        if (run == null) {
            return;
        }
        run.active = false;
        Connection listening = run.connection;
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException alreadyGone) {
                log.debug("Listener connection closed with {}", alreadyGone.getMessage());
            }
        }
        run.thread.interrupt();
    }

    @Override
    public boolean isRunning() {
        return current != null;
    }
}
