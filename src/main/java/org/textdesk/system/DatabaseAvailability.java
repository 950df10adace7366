package org.textdesk.system;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Whether the database can be reached, as last seen: a fast-fail breaker. Once a request or job finds it
 * unreachable (or the background check does), requests are answered 503 at once instead of each waiting for the
 * connection pool's timeout, so threads do not pile up; a background check asks the database again every
 * {@link #CHECK_WHILE_DOWN} and lets requests through the moment it answers. The log says once that it is
 * unreachable and once that it is back, instead of a stack trace per request.
 *
 * <p>While it is up, the same check runs every {@link #CHECK_WHILE_UP}, so that /actuator/health turns DOWN within
 * seconds even when no request has noticed.
 */
@Component
public class DatabaseAvailability implements SmartLifecycle {

    static final Duration CHECK_WHILE_UP = Duration.ofSeconds(2);
    static final Duration CHECK_WHILE_DOWN = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);
    private static final int VALID_WITHIN_SECONDS = 2;

    private final DataSource dataSource;
    /** System.nanoTime() when it went down; 0 while up. */
    private final AtomicLong downSince = new AtomicLong();
    private volatile ScheduledExecutorService checker;

    DatabaseAvailability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True from the moment the database was found unreachable until it answers again. */
    public boolean isDown() {
        return downSince.get() != 0;
    }

    /** Called with a failure {@link DatabaseFailures} recognises as "unreachable": says so in the log once. */
    public void unreachable(Throwable failure) {
        long now = Math.max(System.nanoTime(), 1);
        if (downSince.compareAndSet(0, now)) {
            log.warn("The database cannot be reached ({}): pages and webhooks answer 503 until it is back; "
                    + "checking again every {} s", rootCause(failure), CHECK_WHILE_DOWN.toSeconds());
        }
    }

    /** The driver's words, without the SQL that Spring's wrappers repeat. */
    private static String rootCause(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        return DatabaseFailures.describe(deepest);
    }

    private void reachable() {
        long since = downSince.getAndSet(0);
        if (since != 0) {
            log.warn("The database is reachable again after {} s: answering as usual",
                    Duration.ofNanos(System.nanoTime() - since).toSeconds());
        }
    }

    private void check() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALID_WITHIN_SECONDS)) {
                reachable();
            } else {
                unreachable(new java.sql.SQLTransientConnectionException("the connection did not answer within "
                        + VALID_WITHIN_SECONDS + " s"));
            }
        } catch (Exception failed) {
            if (DatabaseFailures.unreachable(failed).isPresent()) {
                unreachable(failed);
            } else if (!isDown()) {
                log.warn("Checking the database failed: {}", DatabaseFailures.describe(failed));
            }
        } finally {
            scheduleCheck();
        }
    }

    private void scheduleCheck() {
        ScheduledExecutorService running = checker;
        if (running != null && !running.isShutdown()) {
            Duration next = isDown() ? CHECK_WHILE_DOWN : CHECK_WHILE_UP;
            try {
                running.schedule(this::check, next.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the application is stopping
            }
        }
    }

    @Override
    public void start() {
        checker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "database-availability");
            thread.setDaemon(true);
            return thread;
        });
        scheduleCheck();
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = checker;
        checker = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return checker != null;
    }
}
