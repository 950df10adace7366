package org.textdesk.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * (the listener's connection on PostgreSQL), so that 200 open pages hold no database connection at all.
 * <p>
 * A stream gets only what its page uses ({@link #pageNeeds}): the page says at opening which client's conversation
 * it shows, if any. And an event about a client goes only to the streams of staff who may see that client
 * ({@link ClientAccess}: with restricted caseloads, a caseworker hears nothing of another's clients, not even their
 * ids).
 */
@Component
class LiveStreams implements SmartLifecycle {

    /**
     * The browser's EventSource opens a new stream after this, through the login check again: a stream outlives
     * its session's logout by at most this (and carries only ids meanwhile). The page refreshes its parts when
     * the new stream opens, so nothing said in between is missed.
     */
    static final Duration STREAM_FOR = Duration.ofMinutes(5);
    /**
     * The fan-out thread starts a batch at most this often: what arrives meanwhile waits and goes out in the next
     * batch, one write per stream. Without a pause the thread took each batch as soon as the last was written, so
     * during a burst of status callbacks it wrote to the sockets all the time, a few events a write, on CPU the
     * callbacks needed. A page waits longer than this anyway before it fetches (live.js waits 300 ms of quiet), and
     * a lone event after a quiet spell goes out at once.
     */
    static final Duration BATCH_PAUSE = Duration.ofMillis(100);
    /** The browser waits this long before it opens a stream again after losing one. */
    private static final long RETRY_MS = 3000;

    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private static final MediaType UTF8_TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final Queue<LiveEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** When the last batch began (System.nanoTime), on the fan-out thread; the next waits for the pause. */
    private volatile long lastBatchAt = System.nanoTime() - BATCH_PAUSE.toNanos();
    // One thread writes to the streams, so that neither the listener nor a webhook waits for a slow browser. Made
    // at each start: a stopped context (shut down, or paused by the test framework) may be started again.
    private volatile ScheduledExecutorService fanOut;

    private final ClientAccess access;

    LiveStreams(ClientAccess access) {
        this.access = access;
    }

    /**
     * A new stream for a page of this staff member.
     *
     * @param pageClient the client whose conversation the page shows, or null (any other page)
     */
    SseEmitter open(StaffPrincipal staff, Long pageClient) {
        SseEmitter emitter = new SseEmitter(STREAM_FOR.toMillis());
        Stream stream = new Stream(emitter, staff, pageClient);
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
     * Whether a page uses an event at all, as live.js does with it: every page's navigation counts new texts and
     * every page refreshes on a resync; a read changes only the reader's own counts; a status or a picture shows
     * only in the conversation of the text's client (no other page lists texts with their status or pictures).
     * Before this, every stream got every status event: during a burst of callbacks, writes to every open page that
     * threw them away.
     */
    static boolean pageNeeds(Long pageClient, long staffId, LiveEvent event) {
        return switch (event.kind()) {
            case RESYNC, INCOMING -> true;
            case READ -> event.caseworkerId() != null && event.caseworkerId() == staffId;
            case STATUS, PICTURE -> pageClient != null && pageClient.equals(event.clientId());
        };
    }

    /**
     * Hands events to the fan-out thread. Events that arrive while it is busy or pausing wait in one queue and go
     * out together: each stream gets every waiting event it needs in one write and one flush. One write per event
     * and stream fell behind by minutes in the benchmark (200 streams during 20,000 status callbacks: 4,000,000
     * flushes on one thread).
     */
    void deliver(List<LiveEvent> events) {
        if (open.isEmpty()) {
            return;
        }
        pending.addAll(events);
        if (draining.compareAndSet(false, true)) {
            drainAfterPause();
        }
    }

    private void drainAfterPause() {
        long wait = lastBatchAt + BATCH_PAUSE.toNanos() - System.nanoTime();
        fanOutIfOpen(this::drain, Math.max(0, wait));
    }

    /** Writes every waiting event to the streams that need it; what arrives meanwhile goes in the next batch. */
    private void drain() {
        try {
            lastBatchAt = System.nanoTime();
            // An identical event twice in a batch (a text's status recorded twice, say) makes a page do nothing
            // more than once: sent once, in the order of its first arrival.
            Set<LiveEvent> batch = new LinkedHashSet<>();
            for (LiveEvent event; (event = pending.poll()) != null; ) {
                batch.add(event);
            }
            if (!batch.isEmpty()) {
                write(batch);
            }
        } finally {
            draining.set(false);
        }
        if (!pending.isEmpty() && draining.compareAndSet(false, true)) {
            drainAfterPause();
        }
    }

    /**
     * The batch's text is made once for all the streams of one staff member that show the same thing (most pages
     * show no conversation: one text for all of them), encoded once, and the same bytes written to each.
     */
    private void write(Set<LiveEvent> batch) {
        Map<Audience, List<Stream>> audiences = new LinkedHashMap<>();
        for (Stream stream : open) {
            audiences.computeIfAbsent(new Audience(new Person(stream.staff().id(), stream.staff().getUsername()),
                    stream.pageClient()), a -> new ArrayList<>()).add(stream);
        }
        Map<Person, Hearing> hearings = new HashMap<>();
        audiences.forEach((audience, streams) -> {
            StaffPrincipal staff = streams.get(0).staff();
            Hearing hearing = null;
            StringBuilder text = new StringBuilder();
            for (LiveEvent event : batch) {
                if (!pageNeeds(audience.pageClient(), audience.staffId(), event)) {
                    continue;
                }
                if (hearing == null) {
                    // Whom this person may see, once a batch (not once an event, nor once a stream): a query.
                    hearing = hearings.computeIfAbsent(audience.person(), person -> new Hearing(scopeOf(staff)));
                }
                if (hearing.mayHear(event)) {
                    // One piece of text for the whole batch: the emitter's items are a Set, which would keep only
                    // one of the identical separators of several events built with SseEmitter.event().
                    text.append("event:live\ndata:").append(event.json(audience.staffId())).append("\n\n");
                }
            }
            if (!text.isEmpty()) {
                Set<ResponseBodyEmitter.DataWithMediaType> data = Set.of(new ResponseBodyEmitter.DataWithMediaType(
                        text.toString().getBytes(StandardCharsets.UTF_8), UTF8_TEXT));
                streams.forEach(stream -> write(stream, data));
            }
        });
    }

    /** What one staff member may hear in one batch: their scope, and each event's answer once. */
    private final class Hearing {

        private final ClientAccess.Scope scope;
        private final Map<LiveEvent, Boolean> answers = new HashMap<>();

        Hearing(ClientAccess.Scope scope) {
            this.scope = scope;
        }

        boolean mayHear(LiveEvent event) {
            return answers.computeIfAbsent(event, this::answer);
        }

        /** Whether a person of this scope may see what the event is about (a resync is about nothing). */
        private boolean answer(LiveEvent event) {
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
    }

    /** The stream's staff member's scope; none known (nothing but what concerns no client) when it cannot be read. */
    private ClientAccess.Scope scopeOf(StaffPrincipal staff) {
        try {
            return access.scopeOf(staff);
        } catch (org.springframework.dao.DataAccessException unknown) {
            return null; // the page refreshes at its next stream anyway
        }
    }

    /** A comment now and then: a stream whose browser went away is noticed (the write fails) and dropped. */
    @Scheduled(fixedDelay = 25_000, initialDelay = 25_000)
    void keepAlive() {
        fanOutIfOpen(() -> open.forEach(stream -> write(stream, SseEmitter.event().comment("still here").build())),
                0);
    }

    /** Hands the writes to the fan-out thread when a stream is open; nothing while stopped (no stream is open). */
    private void fanOutIfOpen(Runnable writes, long delayNanos) {
        ScheduledExecutorService executor = fanOut;
        if (open.isEmpty() || executor == null) {
            pending.clear();
            draining.set(false);
            return;
        }
        try {
            executor.schedule(writes, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // stop() ended every stream a moment ago
            pending.clear();
            draining.set(false);
        }
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
            fanOut = Executors.newSingleThreadScheduledExecutor(task -> {
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
        ScheduledExecutorService executor = fanOut;
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

    /** One open page: whose, and the client whose conversation it shows (null: another page). */
    private record Stream(SseEmitter emitter, StaffPrincipal staff, Long pageClient) {
    }

    /** The streams that get the same text of a batch: one staff member's pages that show the same thing. */
    /**
     * Whose stream it is: the id and the username together, since a test database truncated between tests gives the
     * next test's staff the ids of the last one's, whose streams may still be open; a stream's page and scope must
     * never be another person's.
     */
    private record Person(long staffId, String username) {
    }

    private record Audience(Person person, Long pageClient) {

        long staffId() {
            return person.staffId();
        }
    }
}
