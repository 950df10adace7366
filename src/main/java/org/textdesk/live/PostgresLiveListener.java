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
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

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

    private void listen() {
        long wait = FIRST_WAIT_MS;
        boolean lostBefore = false;
        while (running) {
            try (Connection listening = DriverManager.getConnection(url, credentials)) {
                connection = listening;
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
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(POLL_MS);
                    if (arrived != null && arrived.length > 0) {
                        streams.deliver(events(arrived));
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                if (!running) {
                    return;
                }
                if (!lostBefore) {
                    // Once per outage, and not as a warning: system.DatabaseAvailability says the database is away.
                    log.info("Live updates stopped listening ({}); connecting again", lost.getClass().getSimpleName());
                }
                lostBefore = true;
                sleep(wait);
                wait = Math.min(wait * 2, MAX_WAIT_MS);
            } finally {
                connection = null;
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

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "live-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Connection listening = connection;
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException alreadyGone) {
                log.debug("Listener connection closed with {}", alreadyGone.getMessage());
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
