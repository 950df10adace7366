package org.textdesk.texting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;
import org.textdesk.system.DatabaseProduct;
import org.textdesk.texting.StatusHistory.SidReport;
import org.textdesk.texting.StatusHistory.SidStatus;

/**
 * Group commit for status callbacks on PostgreSQL: each request hands its report to one writer thread and
 * waits for its outcome; the writer writes everything that queued while it wrote the last batch in one
 * statement and one commit ({@link StatusHistory#recordBySids}). Twilio posts callbacks in bursts, and a
 * commit each was most of the database's work (README "Performance"); a lone callback waits for no one.
 * A batch that fails is written again report by report, so one bad report fails only its own request.
 */
@Component
class StatusReportBatches implements SmartLifecycle {

    static final int MAX_BATCH = 256;
    private static final int QUEUE_CAPACITY = 10_000;
    private static final long WAIT_SECONDS = 30;

    private static final Logger log = LoggerFactory.getLogger(StatusReportBatches.class);

    private final StatusHistory statusHistory;
    private final boolean postgres;
    private final BlockingQueue<PendingReport> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private volatile boolean running;
    private Thread writer;

    StatusReportBatches(StatusHistory statusHistory, DatabaseProduct database) {
        this.statusHistory = statusHistory;
        this.postgres = database.isPostgres();
    }

    /**
     * Records one report by its text's SID, as {@link StatusHistory#recordBySid} does, within a batch when the
     * writer runs (and directly when it does not: before start, after stop).
     *
     * @return empty when no text has the SID
     */
    Optional<SidReport> record(String sid, String reportedStatus, String errorCode, Instant reportedAt) {
        SidStatus report = new SidStatus(sid, MessageStatus.normalise(reportedStatus), errorCode, reportedAt);
        PendingReport pending = new PendingReport(report, new CompletableFuture<>());
        try {
            if (!running || !queue.offer(pending, WAIT_SECONDS, TimeUnit.SECONDS)) {
                return statusHistory.recordBySid(sid, reportedStatus, errorCode, reportedAt);
            }
            return Optional.ofNullable(pending.outcome().get(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new QueryTimeoutException("Interrupted while the status report was written");
        } catch (TimeoutException slow) {
            throw new QueryTimeoutException("The status report was not written within " + WAIT_SECONDS + " s");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }

    private void writeBatches() {
        List<PendingReport> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                PendingReport first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException | Error unexpected) {
                batch.forEach(pending -> pending.outcome().completeExceptionally(unexpected));
                log.error("The status report writer failed on a batch of {}", batch.size(), unexpected);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<PendingReport> batch) {
        // A repeated (SID, status) within the batch goes to the database once; the repeat is not new.
        Map<ReportKey, Integer> firstIndex = new LinkedHashMap<>();
        List<SidStatus> distinct = new ArrayList<>(batch.size());
        for (PendingReport pending : batch) {
            if (firstIndex.putIfAbsent(pending.key(), distinct.size()) == null) {
                distinct.add(pending.report());
            }
        }
        List<SidReport> outcomes;
        try {
            outcomes = statusHistory.recordBySids(distinct);
        } catch (RuntimeException failed) {
            log.warn("A batch of {} status reports failed ({}); writing them one by one", distinct.size(),
                    failed.getClass().getSimpleName());
            batch.forEach(this::writeAlone);
            return;
        }
        boolean[] answered = new boolean[distinct.size()];
        for (PendingReport pending : batch) {
            int index = firstIndex.get(pending.key());
            SidReport outcome = outcomes.get(index);
            if (outcome != null && answered[index]) {
                outcome = new SidReport(outcome.messageId(), outcome.clientId(), false);
            }
            answered[index] = true;
            pending.outcome().complete(outcome);
        }
    }

    private void writeAlone(PendingReport pending) {
        SidStatus report = pending.report();
        try {
            pending.outcome().complete(statusHistory.recordBySid(report.sid(), report.status(), report.errorCode(),
                    report.reportedAt()).orElse(null));
        } catch (RuntimeException failed) {
            pending.outcome().completeExceptionally(failed);
        }
    }

    @Override
    public void start() {
        if (!postgres || running) {
            return;
        }
        running = true;
        writer = new Thread(this::writeBatches, "status-report-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** After the web server has stopped taking requests: what is queued is still written. */
    @Override
    public void stop() {
        running = false;
        Thread stopping = writer;
        if (stopping != null) {
            try {
                stopping.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server's graceful shutdown and stop (higher phases stop first). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private record PendingReport(SidStatus report, CompletableFuture<SidReport> outcome) {

        ReportKey key() {
            return new ReportKey(report.sid(), report.status());
        }
    }

    private record ReportKey(String sid, String status) {
    }
}
