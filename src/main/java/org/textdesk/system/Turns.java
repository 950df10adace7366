package org.textdesk.system;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Turns at the CPU for one kind of request (Twilio's webhooks): at most so many threads work on them at once, the
 * others wait in order of arrival. A thread that only waits for another thread's work (its row in a group commit)
 * gives its turn to the next meanwhile ({@link #asideWhile}), so that the writer still finds every waiting row for
 * one batch: the turns bound the threads that use the CPU, not the rows a commit carries. None waits for ever: a
 * thread that waited {@code longestWait} goes on without a turn.
 */
public final class Turns {

    /** The turns the current thread holds now, if any. */
    private static final ThreadLocal<Turns> HELD = new ThreadLocal<>();

    private final Semaphore semaphore;
    private final Duration longestWait;

    public Turns(int count, Duration longestWait) {
        if (count < 1) {
            throw new IllegalArgumentException("at least 1 turn, not " + count);
        }
        this.semaphore = new Semaphore(count, true);
        this.longestWait = longestWait;
    }

    /**
     * Waits for a turn, at most the longest wait.
     *
     * @return whether the thread holds a turn now (false: it waited the longest wait and goes on without one)
     */
    public boolean take() throws InterruptedException {
        if (semaphore.tryAcquire(longestWait.toNanos(), TimeUnit.NANOSECONDS)) {
            HELD.set(this);
            return true;
        }
        return false;
    }

    /** Gives back the current thread's turn, if it holds one of these (it may have gone on without). */
    public void giveBack() {
        if (HELD.get() == this) {
            HELD.remove();
            semaphore.release();
        }
    }

    /**
     * Runs {@code waiting}, which only waits for another thread, without the current thread's turn (of any turns),
     * and takes a turn again after it; a thread that holds none just runs it.
     */
    public static <T> T asideWhile(Callable<T> waiting) throws Exception {
        Turns held = HELD.get();
        if (held == null) {
            return waiting.call();
        }
        held.giveBack();
        try {
            return waiting.call();
        } finally {
            boolean interrupted = Thread.interrupted();
            try {
                held.take();
            } catch (InterruptedException ignored) {
                interrupted = true;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Turns not taken now. */
    public int free() {
        return semaphore.availablePermits();
    }

    /** Threads waiting for a turn now (an estimate, as the semaphore gives it). */
    public int waiting() {
        return semaphore.getQueueLength();
    }
}
