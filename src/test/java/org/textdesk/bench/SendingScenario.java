package org.textdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.textdesk.bench.BenchFixtures.FAKE;
import static org.textdesk.bench.BenchFixtures.configureTwilio;
import static org.textdesk.bench.BenchFixtures.startApp;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.textdesk.FakeTwilio;

/**
 * Scenario 3: logged-in caseworkers press Send Message against the Twilio fake, first answering at once (capacity,
 * then on a schedule), then answering in 2 s while other caseworkers read pages, to show that a slow Twilio does
 * not hold up the rest of the app.
 */
final class SendingScenario {

    private static final int WARMUP_SENDS = 500;

    private SendingScenario() {
    }

    static void run() throws Exception {
        String database = "textdesk_bench";
        int caseworkers = 20;
        int fastSends = Integer.getInteger("bench.sends", 1200);
        double sendsPerSecond = Double.parseDouble(System.getProperty("bench.sendRate", "10"));
        double readsPerSecond = Double.parseDouble(System.getProperty("bench.readRate", "20"));
        int slowSendsEach = 5;
        BenchDb.recreate(database);
        try (BenchApp app = startApp("sending", database, List.of())) {
            configureTwilio(app);
            FAKE.acceptMessages("queued");
            String hash = new BCryptPasswordEncoder().encode("caseworker-password");
            BenchDb.execute(database, """
                    insert into staff (username, password_hash, display_name, role, enabled, created_at)
                    select 'cw' || g, '%s', 'Caseworker ' || g, 'CASEWORKER', true, now()
                    from generate_series(1, %d) g""".formatted(hash, caseworkers + 4), """
                    insert into clients (first_name, last_name, cell_area_code, cell_number, cell_e164, safe,
                        okay_to_text, created_at, updated_at)
                    select 'Send' || g, 'Sending', '404', '3' || lpad((g / 10000)::text, 2, '0') || '-'
                        || lpad((g % 10000)::text, 4, '0'), '+14043' || lpad((g / 10000)::text, 2, '0')
                        || lpad((g % 10000)::text, 4, '0'), true, true, now(), now()
                    from generate_series(1, 200) g""");
            long firstClient = BenchDb.queryLong(database, "select min(id) from clients where last_name = 'Sending'");
            List<WebSession> sessions = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 1; i <= caseworkers + 4; i++) {
                WebSession session = WebSession.loggedIn(app.baseUrl(), "cw" + i, "caseworker-password");
                sessions.add(session);
                tokens.add(session.csrfOf("/clients/" + firstClient + "/texts/new"));
            }
            // fast fake: every caseworker sends in turn from the pool
            List<Load.Request> sends = new ArrayList<>();
            for (int n = 0; n < fastSends; n++) {
                sends.add(sendRequest(sessions, tokens, n % caseworkers, firstClient + n % 200, n));
            }
            String before = Load.loadAverage();
            // Warm-up rounds of 500 sends and 200 page reads (send keys are new on every call, so a round's
            // requests can be sent again).
            List<Load.Request> warmupRound = new ArrayList<>(sends.subList(0, WARMUP_SENDS));
            for (int n = 0; n < 200; n++) {
                warmupRound.add(pageRead(sessions.get(caseworkers + n % 4), firstClient + n % 200, n));
            }
            Collections.shuffle(warmupRound, new Random(3));
            List<Load.Result> warmup = Warmup.untilJitQuiet(app, "warm-up: 500 sends and 200 pages", caseworkers,
                    round -> warmupRound);
            CpuShare cpu = CpuShare.start(app.pid());
            Load.Result capacity = Load.run("Send Message, fake answers at once, back to back (capacity)",
                    caseworkers, sends.subList(WARMUP_SENDS, WARMUP_SENDS + 400));
            String cpuPerSend = cpu.perRequest(capacity.requests());
            Load.Result fast = Load.runAtRate(String.format(Locale.ROOT,
                    "Send Message, fake answers at once, %.0f sends/s (open loop)", sendsPerSecond), caseworkers,
                    sends.subList(WARMUP_SENDS + 400, sends.size()), sendsPerSecond);
            String afterFast = Load.loadAverage();

            // slow fake: 2 s per send while 20 caseworkers send; 4 others read pages meanwhile
            FAKE.on("POST", FakeTwilio.MESSAGES_PATH, call -> FakeTwilio.Answer.json(201, FakeTwilio.messageJson(
                    FakeTwilio.newMessageSid(), call.pathVariable("AccountSid"), call.request().param("To"),
                    call.request().param("From"), call.request().param("Body"), "queued"))
                    .delayedBy(Duration.ofSeconds(2)));
            List<Load.Request> slowSends = new ArrayList<>();
            for (int n = 0; n < caseworkers * slowSendsEach; n++) {
                slowSends.add(sendRequest(sessions, tokens, n % caseworkers, firstClient + n % 200, fastSends + n));
            }
            List<Load.Request> reads = new ArrayList<>();
            for (int n = 0; n < (int) (readsPerSecond * 15); n++) {
                reads.add(pageRead(sessions.get(caseworkers + n % 4), firstClient + n % 200, n));
            }
            AtomicReference<Load.Result> slow = new AtomicReference<>();
            Thread sender = new Thread(() -> {
                try {
                    // 10 sends/s, each waiting 2 s on Twilio: 20 caseworkers' sends in flight at any moment,
                    // spread over time as people's are (not all 20 answered in the same millisecond)
                    slow.set(Load.runAtRate("Send Message, fake answers in 2 s, 10 sends/s (20 in flight)",
                            caseworkers + 4, slowSends, caseworkers / 2.0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            sender.start();
            Thread.sleep(500);
            // read pages for as long as the slow sends last (at least ~10 s), in rounds
            List<Load.Request> timedReads = new ArrayList<>();
            for (Load.Request read : reads) {
                timedReads.add(() -> sender.isAlive() ? read.call() : null);
            }
            Load.Result pages = Load.runAtRate(String.format(Locale.ROOT,
                    "client record + Texts page during slow sends, %.0f pages/s (open loop)", readsPerSecond), 8,
                    timedReads, readsPerSecond);
            sender.join();
            String after = Load.loadAverage();

            long sent = BenchDb.queryLong(database, """
                    select count(*) from text_messages where direction = 'OUTBOUND' and twilio_sid is not null
                    and status = 'queued'""");
            long notSent = BenchDb.queryLong(database,
                    "select count(*) from text_messages where direction = 'OUTBOUND' and twilio_sid is null");
            int fakeCalls = FAKE.requests("POST", FakeTwilio.MESSAGES_PATH).size();
            int total = fastSends + WARMUP_SENDS * (warmup.size() - 1) + caseworkers * slowSendsEach;
            List<Load.Result> rows = new ArrayList<>(warmup);
            rows.addAll(List.of(capacity, fast, slow.get(), pages));
            Load.report("3. Sending", rows, List.of(
                    caseworkers + " caseworkers logged in (own sessions and CSRF tokens), a new send key per Send"
                            + " Message; the Twilio fake (JDK HttpServer, in the load generator's JVM) answers 201 at"
                            + " once, then after 2 s; back to back = each of the 20 sends again as soon as answered"
                            + " (the most the app can do); open loop = sends start on a schedule whatever the answers,"
                            + " latency counted from the scheduled start; 4 more caseworkers open client records and"
                            + " Texts pages on a schedule while the slow sends run (reads counted only while sends last)",
                    cpuPerSend + " (back to back; the load generator includes the Twilio fake)",
                    "load average before/after fast: " + before + " / " + afterFast + "; after slow: " + after,
                    "check: texts sent with a SID " + sent + " (want " + total + "), texts without SID " + notSent
                            + " (want 0), sends the fake received " + fakeCalls + " (want " + total + ")"));
            assertThat(rows).allSatisfy(run -> assertThat(run.errors()).as("errors of " + run.name()).isZero());
            assertThat(sent).isEqualTo(total);
            assertThat(fakeCalls).isEqualTo(total);
        }
    }

    /** A caseworker opens a client record (even n) or its Texts page (odd n). */
    private static Load.Request pageRead(WebSession reader, long client, int n) {
        String path = n % 2 == 0 ? "/clients/" + client : "/clients/" + client + "/texts";
        return () -> reader.get(path).statusCode() == 200;
    }

    private static Load.Request sendRequest(List<WebSession> sessions, List<String> tokens, int caseworker,
            long client, int n) {
        return () -> {
            HttpResponse<String> answer = sessions.get(caseworker).post("/clients/" + client + "/texts", Map.of(
                    "_csrf", tokens.get(caseworker), "body", "Reminder " + n + ": your appointment is on Tuesday.",
                    "sendKey", UUID.randomUUID().toString()));
            return answer.statusCode() == 302
                    && answer.headers().firstValue("Location").orElse("").matches(".*/texts/\\d+$");
        };
    }
}
