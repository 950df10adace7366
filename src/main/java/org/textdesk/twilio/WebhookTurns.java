package org.textdesk.twilio;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Twilio posts webhooks in bursts: four status callbacks a text, thousands within seconds after a group text. Worked
 * on all at once, they filled the machine's run queue, and a caseworker's page waited behind every one of them at
 * each of its database round trips (requests run on virtual threads: a page's thread, back from the database, queues
 * for a carrier behind every callback's). At most {@code permits} webhooks are worked on at once here; the others
 * wait their turn, in order of arrival, before anything is read of them. None is refused for it: one that waited
 * {@link #LONGEST_WAIT} goes ahead anyway, well before Twilio gives up on a webhook (15 s), since a webhook not
 * answered is a status or a text Twilio does not send again.
 */
class WebhookTurns extends OncePerRequestFilter {

    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private final Semaphore turns;
    private final Duration longestWait;

    WebhookTurns(int permits) {
        this(permits, LONGEST_WAIT);
    }

    WebhookTurns(int permits, Duration longestWait) {
        if (permits < 1) {
            throw new IllegalArgumentException("textdesk.twilio.webhook-concurrency must be at least 1, not " + permits);
        }
        this.turns = new Semaphore(permits, true);
        this.longestWait = longestWait;
    }

    /** The default: enough webhooks at once to keep the cores and the group commits busy, few enough to queue. */
    static int defaultPermits(int cores) {
        return Math.max(4, 2 * cores);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean turnTaken;
        try {
            turnTaken = turns.tryAcquire(longestWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted while waiting for a webhook's turn", interrupted);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (turnTaken) {
                turns.release();
            }
        }
    }

    /** Turns not taken now. */
    int free() {
        return turns.availablePermits();
    }

    /** Webhooks waiting for their turn now (an estimate, as the semaphore gives it). */
    int waiting() {
        return turns.getQueueLength();
    }
}
