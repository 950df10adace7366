package org.textdesk.twilio;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.textdesk.system.PagesInFlight;
import org.textdesk.system.Turns;

/**
 * Twilio posts webhooks in bursts: four status callbacks a text, thousands within seconds after a group text. Worked
 * on all at once, they filled the machine's run queue, and a caseworker's page waited behind every one of them at
 * each of its database round trips (back from the database, a page's thread queues for a core behind every callback's
 * thread; on Java 21+, with virtual threads, for one of as many carriers as cores). At most {@code permits} webhooks
 * are worked on at once here; the others wait their turn, in order of arrival, before anything is read of them. A
 * webhook waiting for its row's group commit gives its turn to the next meanwhile ({@link Turns#asideWhile}), so
 * commits still carry every waiting row. Before its turn, a webhook lets the caseworkers' pages being served go first
 * for a moment ({@link #PAGES_FIRST}, {@link PagesInFlight}): with the turns alone the callbacks still filled both
 * cores and the pages' p95 stayed at 80-100 ms in the live bench, with it 23-34 ms (src/docs/performance.md, live
 * updates, sixth session). None is refused for it: one that waited {@link #LONGEST_WAIT} goes ahead
 * anyway, well before Twilio gives up on a webhook (15 s), since a webhook not answered is a status or a text Twilio
 * does not send again.
 */
class WebhookTurns extends OncePerRequestFilter {

    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    /** How long a webhook lets the pages being served go first, at most, before it takes its turn. */
    static final Duration PAGES_FIRST = Duration.ofMillis(20);

    private final Turns turns;
    private final PagesInFlight pages;

    WebhookTurns(int permits, PagesInFlight pages) {
        this(permits, LONGEST_WAIT, pages);
    }

    WebhookTurns(int permits, Duration longestWait, PagesInFlight pages) {
        this.pages = pages;
        if (permits < 1) {
            throw new IllegalArgumentException("textdesk.twilio.webhook-concurrency must be at least 1, not " + permits);
        }
        this.turns = new Turns(permits, longestWait);
    }

    /** The default: enough webhooks at once to keep both the cores and the database busy, few enough to queue. */
    static int defaultPermits(int cores) {
        return Math.max(4, 2 * cores);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        pages.letPagesGoFirst(PAGES_FIRST);
        try {
            turns.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted while waiting for a webhook's turn", interrupted);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.giveBack();
        }
    }

    Turns turns() {
        return turns;
    }
}
