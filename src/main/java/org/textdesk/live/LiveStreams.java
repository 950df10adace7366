package org.textdesk.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.textdesk.client.ClientAccess;
import org.textdesk.staff.StaffPrincipal;

/**
 * This instance's open event streams, in memory: one per open page, fed from this instance's one source of events
 * (the listener's connection on PostgreSQL), so that 200 open pages hold no database connection at all. An event
 * about a client goes only to the streams of staff who may see that client ({@link ClientAccess}: with restricted
 * caseloads, a caseworker hears nothing of another's clients, not even their ids).
 */
@Component
class LiveStreams implements SmartLifecycle {

    /**
     * The browser's EventSource opens a new stream after this, through the login check again: a stream outlives
     * its session's logout by at most this (and carries only ids meanwhile). The page refreshes its parts when
     * the new stream opens, so nothing said in between is missed.
     */
    static final Duration STREAM_FOR = Duration.ofMinutes(5);
    /** The browser waits this long before it opens a stream again after losing one. */
    private static final long RETRY_MS = 3000;

    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private static final MediaType UTF8_TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final Queue<LiveEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    // One thread writes to the streams, so that neither the listener nor a webhook waits for a slow browser. Made
    // at each start: a stopped context (shut down, or paused by the test framework) may be started again.
    private volatile ExecutorService fanOut;

    private final ClientAccess access;

    LiveStreams(ClientAccess access) {
        this.access = access;
    }

    SseEmitter open(StaffPrincipal staff) {
        SseEmitter emitter = new SseEmitter(STREAM_FOR.toMillis());
        Stream stream = new Stream(emitter, staff);
        open.add(stream);
        emitter.onCompletion(() -> open.remove(stream));
        emitter.onTimeout(() -> open.remove(stream));
        emitter.onError(failed -> open.remove(stream));
        try {
            emitter.send(SseEmitter.event().reconnectTime(RETRY_MS).comment("open"));
        } catch (IOException gone) {
            open.remove(stream);
        }
        return emitter;
    }

    int openCount() {
        return open.size();
    }

    /**
     * Hands events to the fan-out thread. Events that arrive while it is busy wait in one queue and go out together:
     * each stream gets every waiting event in one write and one flush. One write per event and stream fell behind by
     * minutes in the benchmark (200 streams during 20,000 status callbacks: 4,000,000 flushes on one thread).
     */
    void deliver(List<LiveEvent> events) {
        if (open.isEmpty()) {
            return;
        }
        pending.addAll(events);
        if (draining.compareAndSet(false, true)) {
            fanOutIfOpen(this::drain);
        }
    }

    /** Writes every waiting event to every stream, until none waits (a delivery during the writes is picked up). */
    private void drain() {
        try {
            List<LiveEvent> batch = new ArrayList<>();
            for (LiveEvent event; (event = pending.poll()) != null; ) {
                batch.add(event);
            }
            if (!batch.isEmpty()) {
                for (Stream stream : open) {
                    // Whom this person may see, once a batch (not once an event): the setting is a query.
                    ClientAccess.Scope scope = scopeOf(stream);
                    // One piece of text for the whole batch: the emitter's items are a Set, which would keep only
                    // one of the identical separators of several events built with SseEmitter.event().
                    StringBuilder text = new StringBuilder();
                    for (LiveEvent event : batch) {
                        if (mayHear(scope, event)) {
                            text.append("event:live\ndata:").append(event.json(stream.staff().id())).append("\n\n");
                        }
                    }
                    if (!text.isEmpty()) {
                        write(stream, Set.of(new ResponseBodyEmitter.DataWithMediaType(text.toString(), UTF8_TEXT)));
                    }
                }
            }
        } finally {
            draining.set(false);
        }
        if (!pending.isEmpty() && draining.compareAndSet(false, true)) {
            fanOutIfOpen(this::drain);
        }
    }

    /** The stream's staff member's scope; none known (nothing but what concerns no client) when it cannot be read. */
    private ClientAccess.Scope scopeOf(Stream stream) {
        try {
            return access.scopeOf(stream.staff());
        } catch (org.springframework.dao.DataAccessException unknown) {
            return null; // the page refreshes at its next stream anyway
        }
    }

    /** Whether a person of this scope may see what the event is about (a resync is about nothing). */
    private boolean mayHear(ClientAccess.Scope scope, LiveEvent event) {
        if (event.clientId() == null && event.messageId() == null) {
            return true;
        }
        if (scope == null) {
            return false;
        }
        try {
            return access.maySee(scope, event.clientId(), event.messageId());
        } catch (org.springframework.dao.DataAccessException unknown) {
            return false; // not known to be theirs: the page refreshes at its next stream anyway
        }
    }

    /** A comment now and then: a stream whose browser went away is noticed (the write fails) and dropped. */
    @Scheduled(fixedDelay = 25_000, initialDelay = 25_000)
    void keepAlive() {
        fanOutIfOpen(() -> open.forEach(stream -> write(stream, SseEmitter.event().comment("still here"))));
    }

    /** Hands the writes to the fan-out thread when a stream is open; nothing while stopped (no stream is open). */
    private void fanOutIfOpen(Runnable writes) {
        ExecutorService executor = fanOut;
        if (open.isEmpty() || executor == null) {
            pending.clear();
            draining.set(false);
            return;
        }
        try {
            executor.execute(writes);
        } catch (RejectedExecutionException stopping) {
            // stop() ended every stream a moment ago
            pending.clear();
            draining.set(false);
        }
    }

    private void write(Stream stream, SseEmitter.SseEventBuilder event) {
        write(stream, event.build());
    }

    private void write(Stream stream, Set<ResponseBodyEmitter.DataWithMediaType> data) {
        try {
            stream.emitter().send(data);
        } catch (IOException | IllegalStateException gone) {
            open.remove(stream);
            stream.emitter().completeWithError(gone);
        }
    }

    private volatile boolean running;

    @Override
    public synchronized void start() {
        if (fanOut == null) {
            fanOut = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "live-fan-out");
                thread.setDaemon(true);
                return thread;
            });
        }
        running = true;
    }

    /**
     * Ends every stream before the web server's graceful shutdown (a higher phase stops first), which would
     * otherwise wait for them; the browsers open new ones, on another instance behind a load balancer.
     */
    @Override
    public synchronized void stop() {
        running = false;
        open.forEach(stream -> stream.emitter().complete());
        open.clear();
        pending.clear();
        ExecutorService executor = fanOut;
        fanOut = null;
        if (executor != null) {
            executor.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private record Stream(SseEmitter emitter, StaffPrincipal staff) {
    }
}
