package org.textdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.textdesk.bench.BenchFixtures.ACCOUNT_SID;
import static org.textdesk.bench.BenchFixtures.TWILIO_NUMBER;
import static org.textdesk.bench.BenchFixtures.configureTwilio;
import static org.textdesk.bench.BenchFixtures.signedWebhook;
import static org.textdesk.bench.BenchFixtures.startApp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 19 point 5: 200 open event streams ({@code GET /events}, as 200 open pages hold them) on one instance while
 * scenario 1's status callbacks run. In one run, on one app: the callbacks alone, then the same number of fresh
 * callbacks with the streams open, pages read by a caseworker meanwhile in both. The streams are a mix of pages, as a
 * stream is sent only what its page uses: 40% conversations of the {@value #LIVE_CLIENTS} clients whose texts get the
 * callbacks, 5% the probe client's conversation, 5% conversations of clients who get no callback, 50% other pages
 * (inbox, incoming, client lists: {@code GET /events} with no client). Each must see exactly what its page needs: a
 * conversation every text of its client that got a callback (as status events) and no status of another client, the
 * others no status at all, and every stream every probe text (an incoming text every 500 ms, whose delay from its
 * post to each stream is measured). The database must see no more connections for 200 streams than for none
 * (pg_stat_activity sampled every 200 ms). The figures are ratios of the same run, as the machine is shared.
 */
final class LiveStreamsScenario {

    private static final String PROBE_NUMBER = "+14045550111";
    private static final long PROBE_EVERY_MS = 500;
    /** The clients whose texts get the measured callbacks with streams open (each has its own open conversations). */
    private static final int LIVE_CLIENTS = 20;
    private static final String FAN_OUT_THREAD = "\\(live-fan-out\\)";

    private LiveStreamsScenario() {
    }

    /** The page of stream i: in each 20, 8 conversations of live clients, 1 of the probe client, 1 of a quiet client, 10 other pages. */
    private static Long pageOf(int i, long[] liveClients, long probeClient, long[] quietClients) {
        int slot = i % 20;
        return slot < 8 ? Long.valueOf(liveClients[(i / 20 * 8 + slot) % LIVE_CLIENTS])
                : slot == 8 ? Long.valueOf(probeClient)
                : slot == 9 ? Long.valueOf(quietClients[(i / 20) % 2]) : null;
    }

    /** Outbound texts spread over the live clients in turn (SIDs prefix + 32 digits), status accepted, no history. */
    private static void seedLiveTexts(String database, String prefix, int count) throws Exception {
        BenchDb.execute(database, """
                insert into text_messages (direction, client_id, to_number, from_number, body, twilio_sid, status,
                    status_rank, created_at, status_changed_at)
                select 'OUTBOUND', c.id, c.cell_e164, '%s', 'Bench text ' || g, '%s' || lpad(g::text, 32, '0'),
                    'accepted', 0, now(), now()
                from generate_series(1, %d) g
                join clients c on c.last_name = 'Live' || (1 + g %% %d)""".formatted(BenchFixtures.TWILIO_NUMBER,
                prefix, count, LIVE_CLIENTS));
    }

    static void run() throws Exception {
        // 20,000 texts (88,088 callbacks a phase, about 20 s on a quiet machine): with scenario 1's 5,000 each phase
        // lasted 5-8 s and the JIT compiler's share in it moved the ratio between runs (0.61 at 5,000, 0.82 at 20,000
        // on the same quiet machine and build)
        int messages = Integer.getInteger("bench.live.messages", 20_000);
        int threads = Integer.getInteger("bench.threads", 32);
        int streamCount = Integer.getInteger("bench.live.streams", 200);
        String database = "textdesk_bench_live";
        BenchDb.recreate(database);
        try (BenchApp app = startApp("live-streams", database, List.of())) {
            configureTwilio(app);
            StatusCallbackScenario.seedClient(database, "Status", "+14045550100", true, true);
            StatusCallbackScenario.seedClient(database, "Probe", PROBE_NUMBER, true, true);
            long probeClient = BenchDb.queryLong(database, "select id from clients where last_name = 'Probe'");
            for (int c = 1; c <= LIVE_CLIENTS; c++) {
                StatusCallbackScenario.seedClient(database, "Live" + c, "+1404555" + (1000 + c), true, true);
            }
            StatusCallbackScenario.seedClient(database, "Quiet1", "+14045552001", true, true);
            StatusCallbackScenario.seedClient(database, "Quiet2", "+14045552002", true, true);
            long[] quietClients = {
                BenchDb.queryLong(database, "select id from clients where last_name = 'Quiet1'"),
                BenchDb.queryLong(database, "select id from clients where last_name = 'Quiet2'")};
            int warmupTexts = 2500;
            // Warm-up and the run without streams: texts of the first client, whose conversation no stream shows.
            StatusCallbackScenario.seedOutbound(database, "SMwarm", warmupTexts * Warmup.maxRounds());
            StatusCallbackScenario.seedOutbound(database, "SMalone", messages);
            // With streams: texts spread over the live clients, each with conversations open.
            seedLiveTexts(database, "SMwarmlive", warmupTexts * Warmup.maxRounds());
            seedLiveTexts(database, "SMlive", messages);
            long[] liveClients = new long[LIVE_CLIENTS];
            // Only this run's texts: the warm-up's (SMwarmlive) are of the same clients.
            java.util.Map<Long, java.util.Set<Long>> textsOf = new java.util.HashMap<>();
            try (Connection connection = BenchDb.connect(database);
                    PreparedStatement query = connection.prepareStatement("""
                            select c.id, m.id from clients c left join text_messages m
                                on m.client_id = c.id and m.twilio_sid like 'SMlive%'
                            where c.last_name like 'Live%' order by c.id""");
                    ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    java.util.Set<Long> texts = textsOf.computeIfAbsent(row.getLong(1), id -> new java.util.HashSet<>());
                    long text = row.getLong(2);
                    if (!row.wasNull()) {
                        texts.add(text);
                    }
                }
            }
            int c = 0;
            for (long client : textsOf.keySet().stream().sorted().toList()) {
                liveClients[c++] = client;
            }
            String url = app.baseUrl() + "/twilio/status";
            WebSession reader = WebSession.loggedIn(app.baseUrl(), BenchApp.ADMIN_USERNAME, BenchApp.ADMIN_PASSWORD);
            List<String> pages = List.of("/inbox", "/incoming", "/clients/" + probeClient + "/conversation");

            // The warm-up runs what the measured phases run (repeats, and the pages read meanwhile): warmed up on
            // callbacks alone, the JIT compiler still took 40-50% of the app's CPU in both measured phases, compiling
            // the pages, and the ratio between the phases moved from 0.63 to 1.02 between runs of the same build.
            PageReader pagesWarmingUp = PageReader.start(reader, pages);
            List<Load.Result> rows = new ArrayList<>(Warmup.untilJitQuiet(app, "warm-up (2,500 x 4, not checked)",
                    threads, round -> StatusCallbackScenario.shuffled(StatusCallbackScenario.callbacks(url, "SMwarm",
                            (round - 1) * warmupTexts + 1, warmupTexts, 10), round)));
            // Then with streams open (the same mix, closed before the measured phases): opened only for the measured
            // phase, the JIT compiler took 0.38 ms of CPU a callback there (0.03 without streams), compiling and
            // recompiling the paths that streams add, and the ratio measured that rather than the streams' cost.
            List<Stream> warmupStreams = new ArrayList<>();
            HttpClient warmupHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            for (int i = 0; i < streamCount; i++) {
                warmupStreams.add(Stream.open(warmupHttp, app.baseUrl(), reader.cookie("SESSION"), probeClient,
                        pageOf(i, liveClients, probeClient, quietClients), java.util.Set.of()));
            }
            Probes warmupProbes = Probes.start(app.baseUrl() + "/twilio/sms", "SMwarmprobe");
            rows.addAll(Warmup.untilJitQuiet(app, "warm-up with " + streamCount + " streams (2,500 x 4, not checked)",
                    threads, round -> StatusCallbackScenario.shuffled(StatusCallbackScenario.callbacks(url, "SMwarmlive",
                            (round - 1) * warmupTexts + 1, warmupTexts, 10), round)));
            warmupProbes.stop();
            warmupStreams.forEach(Stream::close);
            pagesWarmingUp.stop("pages during the warm-up");

            String loadBefore = Load.loadAverage();
            Connections connectionsAlone = Connections.sample(database);
            PageReader pagesAlone = PageReader.start(reader, pages);
            CpuShare cpuAlone = CpuShare.start(app.pid());
            Load.Result alone = Load.run("status callbacks, no stream open", threads, StatusCallbackScenario.shuffled(
                    StatusCallbackScenario.callbacks(url, "SMalone", 1, messages, 10), 42));
            String cpuWithoutStreams = cpuAlone.perRequest(alone.requests());
            Load.Result pagesWithoutStreams = pagesAlone.stop("pages meanwhile (no stream open)");
            connectionsAlone.stop();

            List<Stream> streams = new ArrayList<>();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            for (int i = 0; i < streamCount; i++) {
                Long page = pageOf(i, liveClients, probeClient, quietClients);
                java.util.Set<Long> expected = page == null ? java.util.Set.of()
                        : textsOf.getOrDefault(page, java.util.Set.of());
                streams.add(Stream.open(http, app.baseUrl(), reader.cookie("SESSION"), probeClient, page, expected));
            }
            Connections connectionsLive = Connections.sample(database);
            PageReader pagesLive = PageReader.start(reader, pages);
            Probes probes = Probes.start(app.baseUrl() + "/twilio/sms", "SMprobe");
            CpuShare cpuLive = CpuShare.start(app.pid());
            double fanOutAtStart = cpuLive.threadSeconds(FAN_OUT_THREAD);
            Load.Result live = Load.run("status callbacks, " + streamCount + " streams open", threads,
                    StatusCallbackScenario.shuffled(StatusCallbackScenario.callbacks(url, "SMlive", 1, messages, 10), 43));
            String cpuWithStreams = cpuLive.perRequest(live.requests());
            double fanOutSeconds = cpuLive.threadSecondsSinceStart(FAN_OUT_THREAD, fanOutAtStart);
            List<Long> probeStarts = probes.stop();
            Load.Result pagesWithStreams = pagesLive.stop("pages meanwhile (" + streamCount + " streams open)");
            connectionsLive.stop();
            String loadAfter = Load.loadAverage();

            // Every stream must see what its page needs of what was published while it was open: every probe, and a
            // conversation of a live client every one of its texts (at least one status event each: repeated statuses
            // of a text may go out as one) and no status of another client; no other page any status.
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline
                    && !streams.stream().allMatch(s -> s.complete(probeStarts.size()))) {
                Thread.sleep(1000);
            }
            long[] delays = streams.stream().flatMapToLong(s -> {
                long[] each = new long[Math.min(s.probeArrivals.size(), probeStarts.size())];
                for (int k = 0; k < each.length; k++) {
                    each[k] = s.probeArrivals.get(k) - probeStarts.get(k);
                }
                return Arrays.stream(each);
            }).sorted().toArray();
            long late = Arrays.stream(delays).filter(d -> d > 2_000_000_000L).count();
            long complete = streams.stream().filter(s -> s.complete(probeStarts.size())).count();
            long conversations = streams.stream().filter(s -> !s.expectedTexts.isEmpty()).count();
            long statusEvents = streams.stream().mapToLong(s -> s.statusEvents.get()).sum();
            long wrongStatus = streams.stream().mapToLong(s -> s.wrongStatus.get()).sum();
            streams.forEach(Stream::close);
            Load.Result probeDelays = new Load.Result("probe text: post to each stream", streamCount,
                    delays.length, live.seconds(), delays, (int) late);

            rows.add(alone);
            rows.add(pagesWithoutStreams);
            rows.add(live);
            rows.add(pagesWithStreams);
            rows.add(probeDelays);
            double ratio = live.throughput() / alone.throughput();
            List<String> notes = new ArrayList<>();
            notes.add(messages + " texts x 4 statuses, shuffled, 10% sent twice, " + threads
                    + " concurrent senders, alone and then with " + streamCount + " open GET /events on the same app;"
                    + " pages: " + String.join(", ", pages) + " in turn by one logged-in reader, closed loop");
            notes.add(String.format(Locale.ROOT, "callback rate with streams / without = %.0f / %.0f = %.2f (want >= 0.80)",
                    live.throughput(), alone.throughput(), ratio));
            notes.add(String.format(Locale.ROOT, "pages p95 without / with streams: %.1f / %.1f ms (want <= 50 ms with)",
                    pagesWithoutStreams.percentileMs(95), pagesWithStreams.percentileMs(95)));
            notes.add("streams: " + conversations + " conversations of the " + LIVE_CLIENTS + " clients whose "
                    + messages + " texts got the callbacks, the rest conversations of clients with none and other pages;"
                    + " streams that saw exactly what their page needs (every text of their client, no other status,"
                    + " every one of " + probeStarts.size() + " probe texts): " + complete + " of " + streamCount
                    + "; status events written " + statusEvents + " (" + String.format(Locale.ROOT, "%.1f",
                    conversations == 0 ? 0.0 : (double) statusEvents / conversations) + " a conversation for "
                    + messages / LIVE_CLIENTS + " texts x 4 statuses), of another client or to another page: "
                    + wrongStatus + "; probe deliveries " + delays.length + " (want "
                    + (long) streamCount * probeStarts.size() + "), later than 2 s: " + late);
            notes.add("database connections (pg_stat_activity, this database, sampled every 200 ms): no stream open max "
                    + connectionsAlone.describe() + "; " + streamCount + " streams open max " + connectionsLive.describe()
                    + "; the app's pool holds at most 10 (spring.datasource.hikari.maximum-pool-size) and the listener 1");
            notes.add("no stream open: " + cpuWithoutStreams + "; pages included");
            notes.add(streamCount + " streams open: " + cpuWithStreams + "; pages included");
            notes.add(String.format(Locale.ROOT, "the fan-out thread (live-fan-out) used %.2f CPU seconds in the %.1f s"
                    + " with streams (%.3f ms a callback)", fanOutSeconds, live.seconds(),
                    fanOutSeconds * 1000 / live.requests()));
            notes.add("load average before/after: " + loadBefore + " / " + loadAfter);
            Load.report("6. Live: " + streamCount + " event streams during status callbacks", rows, notes);

            assertThat(alone.errors()).isZero();
            assertThat(live.errors()).isZero();
            assertThat(wrongStatus).as("status events to a page that does not show the client").isZero();
            assertThat(complete).as("streams that saw what their page needs").isEqualTo(streamCount);
            assertThat(connectionsLive.maxTotal()).as("connections with streams open")
                    .isLessThanOrEqualTo(connectionsAlone.maxTotal() + 2);
        }
    }

    /**
     * One open event stream, read on a thread of its own: the texts its status events named, those of another client
     * than its page's, and when each probe came.
     */
    private static final class Stream implements AutoCloseable {

        final AtomicLong statusEvents = new AtomicLong();
        final AtomicLong wrongStatus = new AtomicLong();
        final java.util.Set<Long> statusTexts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final java.util.Set<Long> expectedTexts;
        final List<Long> probeArrivals = new CopyOnWriteArrayList<>();
        private final InputStream body;

        private Stream(InputStream body, long probeClient, Long page, java.util.Set<Long> expectedTexts) {
            this.body = body;
            this.expectedTexts = expectedTexts;
            String probe = "\"kind\":\"incoming\",\"clientId\":" + probeClient + ",";
            String ownStatus = "data:{\"kind\":\"status\",\"clientId\":" + page + ",\"messageId\":";
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        if (line.startsWith("data:{\"kind\":\"status\"")) {
                            statusEvents.incrementAndGet();
                            if (page != null && line.startsWith(ownStatus)) {
                                int from = ownStatus.length();
                                statusTexts.add(Long.valueOf(line.substring(from, line.indexOf(',', from))));
                            } else {
                                wrongStatus.incrementAndGet();
                            }
                        } else if (line.startsWith("data:") && line.contains(probe)) {
                            probeArrivals.add(System.nanoTime());
                        }
                    }
                } catch (IOException closed) {
                    // closed at the end
                }
            }, "bench-stream");
            reader.setDaemon(true);
            reader.start();
        }

        /**
         * @param page          the client whose conversation the page shows, or null (another page)
         * @param expectedTexts the texts whose statuses the page must be told of
         */
        static Stream open(HttpClient http, String baseUrl, String session, long probeClient, Long page,
                java.util.Set<Long> expectedTexts) throws Exception {
            String path = page == null ? "/events" : "/events?client=" + page;
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Accept", "text/event-stream").header("Cookie", "SESSION=" + session).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return new Stream(response.body(), probeClient, page, expectedTexts);
        }

        /** Exactly what its page needs: every probe, every expected text, nothing of another client. */
        boolean complete(int probes) {
            return probeArrivals.size() == probes && wrongStatus.get() == 0 && statusTexts.equals(expectedTexts);
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException alreadyClosed) {
                // nothing to do
            }
        }
    }

    /** An incoming text from the probe client every {@value #PROBE_EVERY_MS} ms, one at a time; when each was posted. */
    private static final class Probes {

        private final List<Long> starts = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        private Probes(String url, String prefix) {
            thread = new Thread(() -> {
                int n = 0;
                while (running.get()) {
                    n++;
                    String sid = BenchFixtures.sid(prefix, n);
                    WebhookPoster.SignedPost post = signedWebhook(url, "MessageSid", sid, "SmsMessageSid", sid,
                            "AccountSid", ACCOUNT_SID, "From", PROBE_NUMBER, "To", TWILIO_NUMBER, "Body", "Probe " + n,
                            "NumMedia", "0", "NumSegments", "1", "ApiVersion", "2010-04-01");
                    long start = System.nanoTime();
                    try {
                        if (WebhookPoster.send(post).status() == 200) {
                            starts.add(start);
                        }
                        Thread.sleep(PROBE_EVERY_MS);
                    } catch (InterruptedException stop) {
                        return;
                    } catch (Exception failed) {
                        System.out.println("  probe failed: " + failed);
                    }
                }
            }, "bench-probes");
            thread.start();
        }

        static Probes start(String url, String prefix) {
            return new Probes(url, prefix);
        }

        List<Long> stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return List.copyOf(starts);
        }
    }

    /** Pages read in turn by one logged-in reader until stopped, each timed. */
    private static final class PageReader {

        private final List<Long> nanos = new CopyOnWriteArrayList<>();
        private final AtomicInteger errors = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final long began = System.nanoTime();
        private final Thread thread;

        private PageReader(WebSession reader, List<String> pages) {
            thread = new Thread(() -> {
                for (int n = 0; running.get(); n++) {
                    long start = System.nanoTime();
                    try {
                        boolean ok = reader.get(pages.get(n % pages.size())).statusCode() == 200;
                        nanos.add(System.nanoTime() - start);
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    } catch (InterruptedException stop) {
                        return;
                    } catch (IOException failed) {
                        errors.incrementAndGet();
                    }
                }
            }, "bench-pages");
            thread.start();
        }

        static PageReader start(WebSession reader, List<String> pages) {
            return new PageReader(reader, pages);
        }

        Load.Result stop(String name) throws InterruptedException {
            running.set(false);
            thread.join();
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Load.Result(name, 1, sorted.length, (System.nanoTime() - began) / 1e9, sorted, errors.get());
        }
    }

    /** pg_stat_activity of the database every 200 ms: the most connections seen, and the most active at once. */
    private static final class Connections {

        private final AtomicInteger maxTotal = new AtomicInteger();
        private final AtomicInteger maxActive = new AtomicInteger();
        private final AtomicInteger listeners = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        private Connections(String database) {
            thread = new Thread(() -> {
                try (Connection connection = BenchDb.connect(database);
                        PreparedStatement query = connection.prepareStatement("""
                                select count(*), count(*) filter (where state = 'active'),
                                       count(*) filter (where application_name like '%-live-%')
                                from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()""")) {
                    while (running.get()) {
                        try (ResultSet row = query.executeQuery()) {
                            row.next();
                            maxTotal.accumulateAndGet(row.getInt(1), Math::max);
                            maxActive.accumulateAndGet(row.getInt(2), Math::max);
                            listeners.accumulateAndGet(row.getInt(3), Math::max);
                        }
                        Thread.sleep(200);
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                } catch (Exception failed) {
                    System.out.println("  connection sampling failed: " + failed);
                }
            }, "bench-connections");
            thread.start();
        }

        static Connections sample(String database) {
            return new Connections(database);
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        int maxTotal() {
            return maxTotal.get();
        }

        String describe() {
            return maxTotal.get() + " connected, " + maxActive.get() + " active at once, " + listeners.get()
                    + " listening";
        }
    }
}
