package org.textdesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sampling profile of PostgreSQL without pg_stat_statements (which needs a server restart): every few
 * milliseconds, the statements of one database that are running at that moment, by their first words. A statement
 * seen in a share of the samples took about that share of the database's busy time.
 */
final class ActiveQueries implements AutoCloseable {

    private static final int PREFIX = 90;

    private final Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
    private final AtomicLong samples = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private ActiveQueries(String database, long everyMillis) {
        sampler = new Thread(() -> sample(database, everyMillis), "active-queries");
        sampler.setDaemon(true);
        sampler.start();
    }

    static ActiveQueries start(String database, long everyMillis) {
        return new ActiveQueries(database, everyMillis);
    }

    private void sample(String database, long everyMillis) {
        try (Connection db = BenchDb.connect(database); PreparedStatement active = db.prepareStatement("""
                select query from pg_stat_activity
                where datname = current_database() and state = 'active' and pid <> pg_backend_pid()""")) {
            while (running) {
                samples.incrementAndGet();
                try (ResultSet rows = active.executeQuery()) {
                    while (rows.next()) {
                        seen.computeIfAbsent(normalized(rows.getString(1)), key -> new AtomicLong()).incrementAndGet();
                    }
                }
                Thread.sleep(everyMillis);
            }
        } catch (Exception stopped) {
            System.out.println("  active-queries sampler stopped: " + stopped);
        }
    }

    private static String normalized(String query) {
        String flat = query == null ? "" : query.replaceAll("\\s+", " ").trim();
        return flat.length() > PREFIX ? flat.substring(0, PREFIX) : flat;
    }

    /** The statements seen most often, with the average number running at once over all samples. */
    List<String> top(int count) {
        long all = Math.max(1, samples.get());
        return seen.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, AtomicLong> e) -> e.getValue().get()).reversed())
                .limit(count)
                .map(e -> String.format(Locale.ROOT, "%.3f running on average (%d of %d samples): %s",
                        e.getValue().get() / (double) all, e.getValue().get(), all, e.getKey()))
                .toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(2000);
    }
}
