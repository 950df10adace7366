package org.textdesk.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The caseworkers' page requests being served on this instance now, so that work that can wait a moment (Twilio's
 * webhooks) lets them go first ({@link #letPagesGoFirst}): on a machine whose cores a burst of status callbacks
 * fills, a page otherwise shares them with every callback at each of its steps. Not counted: the webhooks
 * themselves, the event streams (open for minutes, not work) and the static files.
 */
public class PagesInFlight extends OncePerRequestFilter {

    private static final Duration PAUSE = Duration.ofNanos(200_000);

    private final AtomicInteger inFlight = new AtomicInteger();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/twilio/") || path.equals("/events") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/images/") || path.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        inFlight.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Pages being served now. */
    public int count() {
        return inFlight.get();
    }

    /** Waits while pages are being served, {@code longest} at most. */
    public void letPagesGoFirst(Duration longest) {
        long until = System.nanoTime() + longest.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < until) {
            LockSupport.parkNanos(PAUSE.toNanos());
        }
    }
}
