package org.textdesk.system;

import java.util.ArrayList;
import java.util.List;
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

/**
 * Group commit for webhooks that Twilio posts in bursts: each request hands its item to one writer thread and
 * waits for its result; the writer writes everything that queued while it wrote the last batch in one
 * statement and one commit. A commit per webhook was most of the database's work (README "Performance");
 * a lone item waits for no one. A batch that fails is written again item by item, so one bad item fails only
 * its own request. Before start and after stop (no writer), items are written alone on the caller's thread.
 *
 * @param <T> what a request hands over
 * @param <R> what it gets back (null allowed)
 */
public abstract class GroupCommit<T, R> implements SmartLifecycle {

    public static final int MAX_BATCH = 256;
    private static final int QUEUE_CAPACITY = 10_000;
    private static final long WAIT_SECONDS = 30;

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String writerName;
    private final boolean enabled;
    private final BlockingQueue<Pending<T, R>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private volatile boolean running;
    private Thread writer;

    /** @param enabled false: no writer thread, every item is written alone (the H2 database, say) */
    protected GroupCommit(String writerName, boolean enabled) {
        this.writerName = writerName;
        this.enabled = enabled;
    }

    /** Writes the items (at most {@link #MAX_BATCH}) in one statement; the results in the same order. */
    protected abstract List<R> writeBatch(List<T> items);

    /** Writes one item on its own, for a failed batch and when no writer runs. */
    protected abstract R writeAlone(T item);

    /** Writes the item within a batch, waiting for it; the exception of its own write when it failed. */
    protected R submit(T item) {
        Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
        try {
            if (!running || !queue.offer(pending, WAIT_SECONDS, TimeUnit.SECONDS)) {
                return writeAlone(item);
            }
            // the webhook's turn goes to the next one meanwhile: the writer's next batch carries both rows
            return Turns.asideWhile(() -> pending.result().get(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new QueryTimeoutException("Interrupted while waiting for " + writerName);
        } catch (TimeoutException slow) {
            throw new QueryTimeoutException(writerName + " did not write within " + WAIT_SECONDS + " s");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (RuntimeException failed) {
            throw failed;
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    private void writeBatches() {
        List<Pending<T, R>> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
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
                batch.forEach(pending -> pending.result().completeExceptionally(unexpected));
                log.error("{} failed on a batch of {}", writerName, batch.size(), unexpected);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending<T, R>> batch) {
        List<R> results;
        try {
            results = writeBatch(batch.stream().map(Pending::item).toList());
        } catch (RuntimeException failed) {
            if (DatabaseFailures.unreachable(failed).isPresent()) {
                // One by one would wait for the connection pool again for each; the database is away for all.
                batch.forEach(pending -> pending.result().completeExceptionally(failed));
                return;
            }
            log.warn("{}: a batch of {} failed ({}); writing them one by one", writerName, batch.size(),
                    failed.getClass().getSimpleName());
            batch.forEach(this::completeAlone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }

    private void completeAlone(Pending<T, R> pending) {
        try {
            pending.result().complete(writeAlone(pending.item()));
        } catch (RuntimeException failed) {
            pending.result().completeExceptionally(failed);
        }
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        writer = new Thread(this::writeBatches, writerName);
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

    private record Pending<T, R>(T item, CompletableFuture<R> result) {
    }
}
