package org.textdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.textdesk.bench.BenchFixtures.FAKE;
import static org.textdesk.bench.BenchFixtures.configureTwilio;
import static org.textdesk.bench.BenchFixtures.startApp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.textdesk.FakeTwilio;

/**
 * Scenario 6 (issue 18 point 6): 10,000 reminders (scheduled texts) fall due at the same moment, two app instances
 * share one PostgreSQL and the paced sending queue, the Twilio fake accepts at most 100 sends in any second (429
 * with error 20429 above it). Prints: every reminder sent exactly once (at the fake by To and body, and in the
 * database), the send rate per one-second window and overall, the 429s, and caseworker pages timed with no
 * sending going on and then while the batch goes out, in the same run.
 */
final class RemindersScenario {

    private static final String DATABASE = "textdesk_bench_reminders";
    /** The fake's limit and the app's textdesk.sending.rate-per-second (-Dbench.reminders.limit, default 100). */
    private static final int LIMIT = Integer.getInteger("bench.reminders.limit", 100);
    private static final int CASEWORKERS = 10;
    private static final int SEARCHED_CLIENTS = 30;
    private static final int HAND_SENDS = 20;

    private RemindersScenario() {
    }

    static void run() throws Exception {
        int reminders = Integer.getInteger("bench.reminders", 10_000);
        // a batch sent before the measured one, as a running instance has sent texts before (the first thousands
        // of sends of a fresh JVM are compiled while they run: the JIT compiler was a quarter of the batch's CPU)
        int warmUpSends = Integer.getInteger("bench.reminders.warmUp", 2_000);
        double pagesPerSecond = Double.parseDouble(System.getProperty("bench.reminders.pageRate", "6"));
        List<String> options = new ArrayList<>(List.of("-Dtextdesk.sending.rate-per-second=" + LIMIT));
        // the app's own default unless asked (-Dbench.reminders.threads): db-scheduler threads per instance
        String threads = System.getProperty("bench.reminders.threads");
        if (threads != null) {
            options.add("-Dtextdesk.scheduler.threads=" + threads);
        }
        BenchDb.recreate(DATABASE);
        // one connection held for the whole scenario: the shared PostgreSQL's 100 connections ran out in a run
        // (other benchmarks and test suites on the machine), and BenchDb opens one per query
        try (java.sql.Connection db = BenchDb.connect(DATABASE);
                BenchApp first = startApp("reminders-a", DATABASE, options);
                BenchApp second = startApp("reminders-b", DATABASE, options)) {
            configureTwilio(first);
            FakeTwilio.RateLimit limit = FAKE.acceptMessagesAtMost(LIMIT, "queued");
            seed(db, reminders);
            int refusedInWarmUp = warmUpSends > 0 ? sendWarmUpBatch(db, warmUpSends, limit) : 0;
            long reader = queryLong(db, "select id from staff where username = 'cw1'");
            long client = queryLong(db, "select min(id) from clients where last_name = 'Okafor1'");
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("client search (30 matches)", "/clients?q=okafor");
            pages.put("a client's Texts (1 reminder waiting)", "/clients/" + client + "/texts");
            pages.put("Scheduled (the caseworker's " + reminders / CASEWORKERS + " reminders, 50 a page)", "/scheduled");
            List<WebSession> sessions = List.of(WebSession.loggedIn(first.baseUrl(), "cw1", "caseworker-password"),
                    WebSession.loggedIn(second.baseUrl(), "cw1", "caseworker-password"));

            // warm-up, then the pages with no sending going on
            String loadBefore = Load.loadAverage();
            List<Load.Request> warmUp = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                for (String path : pages.values()) {
                    WebSession session = sessions.get(i % 2);
                    warmUp.add(() -> session.get(path).statusCode() == 200);
                }
            }
            Load.run("warm-up", 2, warmUp);
            int quietPages = Integer.getInteger("bench.reminders.quietPages", 300);
            Map<String, Queue<Long>> quiet = emptyQueues(pages);
            long quietStart = System.nanoTime();
            timedPages(pages, sessions, quietPages, pagesPerSecond, () -> true, quiet);
            double quietSeconds = (System.nanoTime() - quietStart) / 1e9;

            // the batch: every reminder due at one moment a few seconds from now
            Instant due = Instant.now().plusSeconds(5);
            execute(db, "update scheduled_texts set due_at = '" + due + "' where body like 'Reminder %'",
                    "insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version, priority)"
                            + " select 'scheduled-text', id || '-v0', due_at, false, 1, 0 from scheduled_texts"
                            + " where body like 'Reminder %'");
            ActiveQueries activeQueries = ActiveQueries.start(DATABASE, 10);
            CpuShare cpuA = CpuShare.start(first.pid());
            CpuShare cpuB = CpuShare.start(second.pid());
            AtomicBoolean sending = new AtomicBoolean(true);
            Map<String, Queue<Long>> during = emptyQueues(pages);
            long waitStart = System.nanoTime();
            Thread reading = new Thread(() -> {
                try {
                    // rounds of 5 s, for as long as the batch lasts (a GET after it ended is not counted)
                    while (sending.get()) {
                        timedPages(pages, sessions, (int) (5 * pagesPerSecond), pagesPerSecond, sending::get, during);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            reading.start();
            // a caseworker sends by hand (the Send Text form) every 2 s meanwhile: not paced today, so each one
            // competes with the batch for the account's 100 a second
            Queue<Long> handNanos = new ConcurrentLinkedQueue<>();
            WebSession handSender = sessions.get(0);
            String handToken = handSender.csrfOf("/clients/" + client + "/texts/new");
            Thread hand = new Thread(() -> {
                try {
                    for (int n = 1; n <= HAND_SENDS && sending.get(); n++) {
                        Thread.sleep(2000);
                        long begin = System.nanoTime();
                        handSender.post("/clients/" + client + "/texts", Map.of("_csrf", handToken,
                                "body", "Hand send " + n + ": please call the office today.",
                                "sendKey", UUID.randomUUID().toString()));
                        handNanos.add(System.nanoTime() - begin);
                    }
                } catch (Exception e) {
                    System.out.println("  hand send failed: " + e);
                }
            });
            hand.start();
            while (queryLong(db, "select count(*) from scheduled_texts where state = 'SCHEDULED'") > 0
                    || queryLong(db, "select count(*) from text_messages where status = 'pending'") > 0) {
                if (System.nanoTime() - waitStart > Duration.ofMinutes(20).toNanos()) {
                    sending.set(false);
                    throw new IllegalStateException("reminders not all sent in 20 minutes; see target/bench/app-reminders-*.log");
                }
                Thread.sleep(200);
            }
            sending.set(false);
            activeQueries.close();
            double sendingSeconds = (System.nanoTime() - waitStart) / 1e9;
            reading.join();
            hand.join();
            String cpuPerSendA = cpuA.perRequest(reminders);
            String cpuPerSendB = cpuB.perRequest(reminders);
            String loadAfter = Load.loadAverage();

            // exactly once: at the fake (accepted, by To and body) and in the database
            List<FakeTwilio.RecordedRequest> allAccepted = limit.accepted().stream()
                    .filter(request -> !request.param("Body").startsWith(WARM_UP)).toList();
            Set<String> distinctAtFake = new HashSet<>();
            List<FakeTwilio.RecordedRequest> handAccepted = allAccepted.stream()
                    .filter(request -> request.param("Body").startsWith("Hand send")).toList();
            List<FakeTwilio.RecordedRequest> accepted = allAccepted.stream()
                    .filter(request -> request.param("Body").startsWith("Reminder ")).toList();
            accepted.forEach(request -> distinctAtFake.add(request.param("To") + " " + request.param("Body")));
            String reminderRows = "from text_messages where direction = 'OUTBOUND' and body like 'Reminder %'";
            long sentRows = queryLong(db, "select count(*) " + reminderRows
                    + " and twilio_sid is not null and status = 'queued'");
            long distinctRows = queryLong(db, "select count(distinct (to_number, body)) " + reminderRows);
            long allRows = queryLong(db, "select count(*) " + reminderRows);
            // an attempt Twilio refused (429) keeps its row, not sent and with no SID, and the text goes again
            long refusedRows = queryLong(db, "select count(*) " + reminderRows
                    + " and error_code = '20429' and twilio_sid is null and status = 'not_sent'");
            long handSent = queryLong(db, "select count(*) from text_messages where body like 'Hand send%'"
                    + " and twilio_sid is not null");
            long handRefused = queryLong(db, "select count(*) from text_messages where body like"
                    + " 'Hand send%' and error_code = '20429'");
            long sentReminders = queryLong(db,
                    "select count(distinct message_id) from scheduled_texts where state = 'SENT'"
                            + " and body like 'Reminder %'");
            long otherStates = queryLong(db, "select count(*) from scheduled_texts where state <> 'SENT'");
            // The batch's rate from its first reminder at the fake: a hand send posted before the batch began (one
            // every 2 s from the start of the wait) counted the seconds before it as part of the batch. Hand sends
            // within the batch count (they share the account's limit); every send counts for the limit.
            List<Instant> arrivals = allAccepted.stream().map(FakeTwilio.RecordedRequest::receivedAt).sorted().toList();
            Instant firstReminder = accepted.stream().map(FakeTwilio.RecordedRequest::receivedAt)
                    .min(java.util.Comparator.naturalOrder()).orElse(due);
            Rate rate = Rate.of(arrivals.stream().filter(at -> !at.isBefore(firstReminder)).toList(), due);
            Rate everySend = Rate.of(arrivals, due);

            List<Load.Result> rows = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            notes.add(String.format(Locale.ROOT, "page p95 with no sending / while %d reminders go out (target at most"
                    + " 50 ms while sending):", reminders));
            for (String page : pages.keySet()) {
                Load.Result before = result(page + ", no sending", quiet.get(page), quietSeconds);
                Load.Result meanwhile = result(page + ", while sending", during.get(page), sendingSeconds);
                rows.add(before);
                rows.add(meanwhile);
                notes.add(String.format(Locale.ROOT, "%s: p95 %.1f ms / %.1f ms (%s)", page, before.percentileMs(95),
                        meanwhile.percentileMs(95), meanwhile.percentileMs(95) <= 50 ? "met" : "NOT met"));
            }
            notes.add(rate.describe(LIMIT) + "; 429 answered (error 20429): " + (limit.refused() - refusedInWarmUp)
                    + " (reminders and hand sends)");
            notes.add(String.format(Locale.ROOT, "every send from the first of any kind (a hand send %.2f s before the"
                    + " first reminder): overall %.1f/s over %.1f s; most in any second (sliding) %d (limit %d)",
                    (firstReminder.toEpochMilli() - arrivals.get(0).toEpochMilli()) / 1000.0, everySend.overall(),
                    everySend.seconds(), everySend.slidingMax(), LIMIT));
            notes.add(warmUpSends + " reminders sent before, to warm both instances up (not counted above); the fake"
                    + " refused " + refusedInWarmUp + " of their attempts with 429");
            long[] hands = handNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            notes.add(String.format(Locale.ROOT, "hand sends through the Send Text form during the batch, one every 2 s:"
                    + " %d posted, %d accepted by the fake (%d in the database with a SID), %d refused 429/20429;"
                    + " Send Message answered in median %.0f ms, max %.0f ms", hands.length, handAccepted.size(),
                    handSent, handRefused, hands.length == 0 ? 0 : hands[hands.length / 2] / 1e6,
                    hands.length == 0 ? 0 : hands[hands.length - 1] / 1e6));
            notes.add(reminders + " scheduled texts of " + CASEWORKERS + " caseworkers to " + reminders
                    + " clients, all due at one moment; two app instances (reminders-a, reminders-b) on one database,"
                    + " textdesk.sending.rate-per-second=" + LIMIT + " on both, db-scheduler threads and polling as"
                    + " configured; the fake (in the load generator's JVM) accepts at most " + LIMIT + " in any second"
                    + " (a sliding window), 429 with error 20429 above it; pages: one caseworker session per instance,"
                    + " the three pages in turn, open loop at " + pagesPerSecond + " pages/s from 4 threads");
            notes.add("app reminders-a " + cpuPerSendA + "; app reminders-b " + cpuPerSendB
                    + " (per reminder, for the whole batch; PostgreSQL and the load generator counted in both)");
            notes.add("load average before pages / after sending: " + loadBefore + " / " + loadAfter);
            notes.add("check: sends the fake accepted " + accepted.size() + ", distinct To and body among them "
                    + distinctAtFake.size() + " (want " + reminders + " and " + reminders + "); texts in the database "
                    + allRows + ", sent with a SID " + sentRows + ", distinct To and body " + distinctRows
                    + ", refused by the fake (429) and kept as not sent " + refusedRows
                    + "; reminders SENT with distinct texts " + sentReminders + ", in another state " + otherStates
                    + " (want " + reminders + " each, 0 other)");
            notes.add("PostgreSQL during the batch, statements running at once (pg_stat_activity every 10 ms), the most"
                    + " seen:");
            notes.addAll(activeQueries.top(15));
            if (allRows != reminders) {
                // a row too many is a send tried twice: say which rows, so the cause can be found
                notes.add("texts beyond one per reminder, by status, error and SID: " + queryRows(db, """
                        select status || ' ' || coalesce(error_code, '-') || ' ' || (twilio_sid is not null) || ' '
                            || count(*) from text_messages where direction = 'OUTBOUND' and body like 'Reminder %'
                        group by status, error_code, twilio_sid is not null"""));
            }
            Load.report("6. Reminders: " + reminders + " due at once, two instances, fake limit " + LIMIT + "/s", rows,
                    notes);
            assertThat(accepted).hasSize(reminders);
            assertThat(distinctAtFake).hasSize(reminders);
            assertThat(allRows).as("one row a reminder, and one for each attempt Twilio refused")
                    .isEqualTo(reminders + refusedRows);
            assertThat(refusedRows).as("refused attempts in the database, against the fake's 429s")
                    .isEqualTo(limit.refused() - refusedInWarmUp - handRefused);
            assertThat(sentRows).isEqualTo(reminders);
            assertThat(distinctRows).isEqualTo(reminders);
            assertThat(sentReminders).isEqualTo(reminders);
            assertThat(otherStates).isZero();
            assertThat(everySend.slidingMax()).isLessThanOrEqualTo(LIMIT);
            for (Load.Result row : rows) {
                assertThat(row.errors()).as("errors of " + row.name()).isZero();
            }
        }
    }

    private static final String WARM_UP = "Warm-up ";

    /**
     * Sends {@code count} reminders due now through both instances, at the same pace as the measured batch, and waits
     * until they are all sent: the send path compiled before it is measured. Returns the 429s the fake answered.
     */
    private static int sendWarmUpBatch(java.sql.Connection db, int count, FakeTwilio.RateLimit limit)
            throws Exception {
        execute(db, """
                insert into scheduled_texts (client_id, body, due_at, state, confirm_not_safe, send_key, created_by,
                    created_at, updated_at)
                select c.id, '%s' || c.id || ': the office is closed on Friday.', now(), 'SCHEDULED', false,
                    'bench-warm-up-' || c.id, (select id from staff where username = 'cw' || (c.id %% %d + 1)), now(),
                    now()
                from clients c order by c.id desc limit %d""".formatted(WARM_UP, CASEWORKERS, count), """
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version, priority)
                select 'scheduled-text', id || '-v0', due_at, false, 1, 0 from scheduled_texts
                where body like '%s%%'""".formatted(WARM_UP));
        long started = System.nanoTime();
        while (queryLong(db, "select count(*) from scheduled_texts where state = 'SCHEDULED' and body like '"
                + WARM_UP + "%'") > 0) {
            if (System.nanoTime() - started > Duration.ofMinutes(10).toNanos()) {
                throw new IllegalStateException("warm-up reminders not all sent in 10 minutes");
            }
            Thread.sleep(200);
        }
        System.out.printf(Locale.ROOT, "bench: %d warm-up reminders sent in %.1f s%n", count,
                (System.nanoTime() - started) / 1e9);
        return limit.refused();
    }

    /**
     * Caseworkers, clients (30 of them named Okafor1..30 for the search) and one reminder per client, due later (the
     * moment is set when the batch starts); quiet hours open all day, so the time of the run does not matter.
     */
    private static void seed(java.sql.Connection db, int reminders) throws Exception {
        String hash = new BCryptPasswordEncoder().encode("caseworker-password");
        execute(db, """
                insert into staff (username, password_hash, display_name, role, enabled, created_at)
                select 'cw' || g, '%s', 'Caseworker ' || g, 'CASEWORKER', true, now()
                from generate_series(1, %d) g""".formatted(hash, CASEWORKERS), """
                insert into clients (first_name, last_name, cell_area_code, cell_number, cell_e164, safe,
                    okay_to_text, created_at, updated_at)
                select 'Rem' || g, case when g <= %d then 'Okafor' || g else 'Reminded' || g %% 500 end, '404',
                    '6' || lpad((g / 10000)::text, 2, '0') || '-' || lpad((g %% 10000)::text, 4, '0'),
                    '+14046' || lpad((g / 10000)::text, 2, '0') || lpad((g %% 10000)::text, 4, '0'), true, true,
                    now(), now()
                from generate_series(1, %d) g""".formatted(SEARCHED_CLIENTS, reminders), """
                insert into scheduled_texts (client_id, body, due_at, state, confirm_not_safe, send_key, created_by,
                    created_at, updated_at)
                select c.id, 'Reminder ' || c.id || ': your appointment is tomorrow at 10:00. Reply C to confirm.',
                    now() + interval '1 day', 'SCHEDULED', false, 'bench-reminder-' || c.id,
                    (select id from staff where username = 'cw' || (c.id %% %d + 1)), now(), now()
                from clients c""".formatted(CASEWORKERS),
                "insert into quiet_hours_window (id, window_start, window_end, changed_at) values (1, '00:00', '23:59:59', now())",
                "vacuum analyze");
    }

    /**
     * The pages in turn, open loop at {@code perSecond} from 4 threads, each GET timed on its own, while
     * {@code going} says so (at most {@code count}).
     */
    private static void timedPages(Map<String, String> pages, List<WebSession> sessions, int count, double perSecond,
            BooleanSupplier going, Map<String, Queue<Long>> nanos) throws InterruptedException {
        List<String> names = List.copyOf(pages.keySet());
        List<Load.Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String page = names.get(i % names.size());
            WebSession session = sessions.get(i / names.size() % 2);
            requests.add(() -> {
                if (!going.getAsBoolean()) {
                    return null;
                }
                long begin = System.nanoTime();
                boolean ok;
                try {
                    ok = session.get(pages.get(page)).statusCode() == 200;
                } catch (java.io.IOException failed) {
                    ok = false;
                }
                nanos.get(page).add(ok ? System.nanoTime() - begin : -1L);
                return null;
            });
        }
        Load.runAtRate("pages", 4, requests, perSecond);
    }

    private static Map<String, Queue<Long>> emptyQueues(Map<String, String> pages) {
        Map<String, Queue<Long>> nanos = new LinkedHashMap<>();
        pages.keySet().forEach(page -> nanos.put(page, new ConcurrentLinkedQueue<>()));
        return nanos;
    }

    private static void execute(java.sql.Connection db, String... statements) throws java.sql.SQLException {
        try (java.sql.Statement sql = db.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static List<String> queryRows(java.sql.Connection db, String query) throws java.sql.SQLException {
        List<String> rows = new ArrayList<>();
        try (java.sql.Statement sql = db.createStatement(); java.sql.ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static long queryLong(java.sql.Connection db, String query) throws java.sql.SQLException {
        try (java.sql.Statement sql = db.createStatement(); java.sql.ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A page's figures; a GET that did not answer 200 is an error (-1 in the queue). */
    private static Load.Result result(String name, Queue<Long> nanos, double seconds) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).filter(n -> n >= 0).sorted().toArray();
        int errors = (int) nanos.stream().filter(n -> n < 0).count();
        return new Load.Result(name, 4, sorted.length, seconds, sorted, errors);
    }

    /** The accepted sends per one-second window (from the first send) and overall, and the most in any second. */
    record Rate(int[] windows, double overall, int slidingMax, double firstSendAfterDue, double seconds) {

        static Rate of(List<Instant> arrivals, Instant due) {
            if (arrivals.size() < 2) {
                return new Rate(new int[0], 0, arrivals.size(), 0, 0);
            }
            long first = nanos(arrivals.get(0));
            long last = nanos(arrivals.get(arrivals.size() - 1));
            int full = (int) ((last - first) / 1_000_000_000L); // whole windows; the last, partial one left out
            int[] windows = new int[full];
            int most = 0;
            int from = 0;
            for (int i = 0; i < arrivals.size(); i++) {
                long at = nanos(arrivals.get(i));
                int window = (int) ((at - first) / 1_000_000_000L);
                if (window < full) {
                    windows[window]++;
                }
                while (at - nanos(arrivals.get(from)) >= 1_000_000_000L) {
                    from++;
                }
                most = Math.max(most, i - from + 1);
            }
            double seconds = (last - first) / 1e9;
            return new Rate(windows, (arrivals.size() - 1) / seconds, most,
                    (first - nanos(due)) / 1e9, seconds);
        }

        String describe(int limit) {
            int[] sorted = windows.clone();
            Arrays.sort(sorted);
            String perWindow = sorted.length == 0 ? "no whole second"
                    : String.format(Locale.ROOT, "min %d / median %d / max %d", sorted[0], sorted[sorted.length / 2],
                            sorted[sorted.length - 1]);
            return String.format(Locale.ROOT, "send rate at the fake per one-second window (%d whole windows): %s;"
                    + " overall %.1f/s over %.1f s (%.1f%% of the limit; target at least 95%%: %s); most in any"
                    + " second (sliding) %d (limit %d); first send %.2f s after the due moment", sorted.length,
                    perWindow, overall, seconds, overall * 100 / limit, overall >= 0.95 * limit ? "met" : "NOT met",
                    slidingMax, limit, firstSendAfterDue);
        }

        private static long nanos(Instant at) {
            return at.getEpochSecond() * 1_000_000_000L + at.getNano();
        }
    }
}
