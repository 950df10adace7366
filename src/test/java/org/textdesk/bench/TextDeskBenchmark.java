package org.textdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.textdesk.FakeTwilio;

/**
 * Issue 8's benchmarks against the packaged app on PostgreSQL, run only by {@code ./mvnw -Pbench verify}
 * (see README "Performance"). Each scenario starts the jar on a fresh database, loads it over loopback from
 * a thread pool of JDK HttpClients, prints its table and checks the exact final state.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TextDeskBenchmark {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "9e1c0a7b3d5f42a8b6c4e2f0a1b3c5d7";
    static final String TWILIO_NUMBER = "+14044764365";
    static final String TEXT_RESPONSE = "Sorry. We do not respond to texts. Please call our office.";
    static final String[] STATUSES = {"queued", "sending", "sent", "delivered"};

    static final FakeTwilio FAKE = FakeTwilio.instance();
    static final List<String> STARTUPS = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void header() throws IOException {
        Files.createDirectories(Path.of("target", "bench"));
        Files.deleteIfExists(Path.of("target", "bench", "results.md"));
        String machine = "nproc " + Runtime.getRuntime().availableProcessors() + ", memory "
                + memTotalMiB() + " MiB, Java " + System.getProperty("java.version") + ", PostgreSQL "
                + BenchDb.HOST + ":" + BenchDb.PORT + "; load average at start " + Load.loadAverage();
        Load.report("Machine", List.of(), List.of(machine));
    }

    @AfterAll
    static void startups() {
        Load.report("Startup to ready and resident memory (every app start of this run)", List.of(),
                List.copyOf(STARTUPS));
    }

    // ------------------------------------------------------------------ scenario 1: status callbacks

    @Test
    @Order(1)
    void statusCallbacks() throws Exception {
        statusCallbacksScenario("1. Status callbacks", "textdesk_bench", List.of(), true);
    }

    void statusCallbacksScenario(String title, String database, List<String> jvmOptions, boolean withPgbench)
            throws Exception {
        int messages = Integer.getInteger("bench.status.messages", 5000);
        int threads = Integer.getInteger("bench.threads", 32);
        BenchDb.recreate(database);
        try (BenchApp app = startApp("status" + (jvmOptions.isEmpty() ? "" : "-" + (jvmOptions.size() > 1 ? "before" : jvmOptions.get(0).replaceAll("[^A-Za-z0-9]+", ""))),
                database, jvmOptions)) {
            configureTwilio(app);
            seedClient(database, "Status", "+14045550100", true, true);
            seedOutbound(database, "SMwarm", 2500);
            seedOutbound(database, "SMbench", messages);
            String url = app.baseUrl() + "/twilio/status";
            String before = Load.loadAverage();
            Load.Result warmup = Load.run("warm-up (2,500 x 4, not checked)", threads,
                    shuffled(callbacks(url, "SMwarm", 2500, 0), 1));
            List<Load.Request> requests = shuffled(callbacks(url, "SMbench", messages, 10), 42);
            CpuShare cpu = CpuShare.start(app.pid());
            Load.Result result = Load.run("status callbacks", threads, requests);
            String cpuPerRequest = cpu.perRequest(requests.size());
            String after = Load.loadAverage();
            long rss = app.rssMiB();

            long events = BenchDb.queryLong(database, """
                    select count(*) from message_status_events e join text_messages m on m.id = e.text_message_id
                    where m.twilio_sid like 'SMbench%'""");
            long exactHistories = BenchDb.queryLong(database, """
                    select count(*) from (select e.text_message_id from message_status_events e
                        join text_messages m on m.id = e.text_message_id where m.twilio_sid like 'SMbench%'
                        group by e.text_message_id
                        having count(*) = 4 and count(distinct e.status) = 4
                           and bool_and(e.status in ('queued', 'sending', 'sent', 'delivered'))) h""");
            long exactCurrent = BenchDb.queryLong(database, """
                    select count(*) from text_messages where twilio_sid like 'SMbench%'
                    and status = 'delivered' and status_rank = 3""");
            List<String> notes = new ArrayList<>();
            notes.add(messages + " messages x 4 statuses, shuffled, 10% sent twice = " + requests.size()
                    + " signed POST /twilio/status; " + threads + " concurrent senders; JVM options "
                    + (jvmOptions.isEmpty() ? "(defaults)" : String.join(" ", jvmOptions)));
            notes.add("load average before/after: " + before + " / " + after + "; app RSS after load " + rss + " MiB");
            notes.add(cpuPerRequest);
            notes.add("check: events " + events + " (want " + 4L * messages + "), messages with exactly their 4 statuses "
                    + exactHistories + " (want " + messages + "), current status delivered/rank 3 " + exactCurrent
                    + " (want " + messages + ")");
            List<Load.Result> rows = new ArrayList<>(List.of(warmup, result));
            if (withPgbench) {
                Pgbench pgbench = Pgbench.statusTransaction(database, messages, threads, 15);
                notes.add(pgbench.describe());
                notes.add(String.format(Locale.ROOT, "ratio app / pgbench = %.0f / %.0f = %.2f", result.throughput(),
                        pgbench.tps(), result.throughput() / pgbench.tps()));
            }
            Load.report(title, rows, notes);
            assertThat(result.errors()).as("errors").isZero();
            assertThat(events).isEqualTo(4L * messages);
            assertThat(exactHistories).isEqualTo(messages);
            assertThat(exactCurrent).isEqualTo(messages);
        }
    }

    /** 4 signed callbacks per message, and a repeat of {@code repeatPercent}% of them. */
    static List<Load.Request> callbacks(String url, String prefix, int messages, int repeatPercent) {
        List<Load.Request> requests = new ArrayList<>();
        Random random = new Random(7);
        for (int n = 1; n <= messages; n++) {
            for (String status : STATUSES) {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("MessageSid", sid(prefix, n));
                params.put("SmsSid", sid(prefix, n));
                params.put("MessageStatus", status);
                params.put("SmsStatus", status);
                params.put("AccountSid", ACCOUNT_SID);
                params.put("From", TWILIO_NUMBER);
                params.put("To", "+14045550100");
                params.put("ApiVersion", "2010-04-01");
                WebhookPoster.SignedPost post = WebhookPoster.sign(url, AUTH_TOKEN, params);
                Load.Request request = () -> WebhookPoster.send(post).status() == 200;
                requests.add(request);
                if (random.nextInt(100) < repeatPercent) {
                    requests.add(request);
                }
            }
        }
        return requests;
    }

    /** One signed incoming text whose TwiML answer is checked: empty for a keyword, the Text Response otherwise. */
    static Load.Request incomingText(String url, String sid, String from, String body, boolean keyword) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("SmsMessageSid", sid);
        params.put("AccountSid", ACCOUNT_SID);
        params.put("From", from);
        params.put("To", TWILIO_NUMBER);
        params.put("Body", body);
        params.put("NumMedia", "0");
        params.put("NumSegments", "1");
        params.put("ApiVersion", "2010-04-01");
        WebhookPoster.SignedPost post = WebhookPoster.sign(url, AUTH_TOKEN, params);
        return () -> {
            WebhookPoster.Answer answer = WebhookPoster.send(post);
            boolean twimlOk = answer.contentType().startsWith("text/xml")
                    && (keyword ? !answer.body().contains("<Message")
                            : answer.body().contains("<Message>" + TEXT_RESPONSE + "</Message>"));
            if (answer.status() == 200 && !twimlOk && keyword) {
                System.out.println("  unexpected TwiML: " + answer.body());
            }
            return answer.status() == 200 && twimlOk;
        };
    }

    static String sid(String prefix, int n) {
        return prefix + String.format(Locale.ROOT, "%032d", n);
    }

    // ------------------------------------------------------------------ scenario 2: incoming texts

    @Test
    @Order(2)
    void incomingTexts() throws Exception {
        String database = "textdesk_bench";
        int total = Integer.getInteger("bench.incoming.texts", 10_000);
        int threads = Integer.getInteger("bench.threads", 32);
        int keywordClients = total / 20; // STOP from as many as START: 10% keywords
        BenchDb.recreate(database);
        try (BenchApp app = startApp("incoming", database, List.of())) {
            configureTwilio(app);
            // clients 1..k: Okay to Text ticked, they text STOP; k+1..2k: unticked, they text START; 2k+1..3k: others
            BenchDb.execute(database, """
                    insert into clients (first_name, last_name, cell_area_code, cell_number, cell_e164, safe,
                        okay_to_text, created_at, updated_at)
                    select 'In' || g, 'Incoming', '404', '2' || lpad((g / 10000)::text, 2, '0') || '-'
                        || lpad((g %% 10000)::text, 4, '0'), '+14042' || lpad((g / 10000)::text, 2, '0')
                        || lpad((g %% 10000)::text, 4, '0'), true, g <= %d or g > %d, now(), now()
                    from generate_series(1, %d) g""".formatted(keywordClients, 2 * keywordClients,
                    3 * keywordClients));
            String url = app.baseUrl() + "/twilio/sms";
            List<Load.Request> requests = new ArrayList<>();
            Random random = new Random(11);
            for (int n = 1; n <= total; n++) {
                int client;
                String body;
                boolean keyword = n <= 2 * keywordClients;
                if (n <= keywordClients) {
                    client = n;
                    body = random.nextBoolean() ? "STOP" : " stop. ";
                } else if (keyword) {
                    client = n;
                    body = random.nextBoolean() ? "START" : "Start!";
                } else {
                    client = 2 * keywordClients + 1 + random.nextInt(keywordClients);
                    body = "Hello, this is text " + n + " — can we meet on Tuesday?";
                }
                requests.add(incomingText(url, sid("SMin", n), String.format(Locale.ROOT, "+14042%06d", client), body,
                        keyword));
            }
            Collections.shuffle(requests, new Random(5));
            // Warm-up: texts from numbers no client has (so the checks below stay exact), every tenth a keyword.
            List<Load.Request> warmupTexts = new ArrayList<>();
            for (int n = 1; n <= 5000; n++) {
                boolean keyword = n % 10 == 0;
                warmupTexts.add(incomingText(url, sid("SMwi", n), String.format(Locale.ROOT, "+14043%06d", n),
                        keyword ? (n % 20 == 0 ? "STOP" : "START") : "Warm-up text " + n, keyword));
            }
            String before = Load.loadAverage();
            Load.Result warmup = Load.run("warm-up (5,000 from unknown numbers, checked too)", threads, warmupTexts);
            CpuShare cpu = CpuShare.start(app.pid());
            Load.Result result = Load.run("incoming texts", threads, requests);
            String cpuPerRequest = cpu.perRequest(result.requests());
            String after = Load.loadAverage();

            long inbound = BenchDb.queryLong(database,
                    "select count(*) from text_messages where direction = 'INBOUND' and twilio_sid like 'SMin%'");
            long links = BenchDb.queryLong(database, """
                    select count(*) from client_texts ct join text_messages m on m.id = ct.text_message_id
                    where m.direction = 'INBOUND'""");
            long stopped = BenchDb.queryLong(database,
                    "select count(*) from clients where last_name = 'Incoming' and okay_to_text = false");
            long keywordEvents = BenchDb.queryLong(database,
                    "select count(*) from consent_events where source = 'KEYWORD'");
            Load.report("2. Incoming texts", List.of(warmup, result), List.of(
                    total + " signed POST /twilio/sms (" + 2 * keywordClients + " keywords: STOP/stop./START/Start!,"
                            + " each from its own client, which it changes), " + threads + " concurrent senders;"
                            + " every answer checked: text/xml, empty <Response/> for keywords, the Text Response otherwise",
                    "load average before/after: " + before + " / " + after, cpuPerRequest,
                    "check: incoming texts stored " + inbound + " (want " + total + "), client links " + links
                            + " (want " + total + "), clients unticked " + stopped + " (want " + keywordClients
                            + "), KEYWORD consent events " + keywordEvents + " (want " + 2 * keywordClients + ")"));
            assertThat(warmup.errors() + result.errors()).as("errors").isZero();
            assertThat(inbound).isEqualTo(total);
            assertThat(links).isEqualTo(total);
            assertThat(stopped).isEqualTo(keywordClients);
            assertThat(keywordEvents).isEqualTo(2L * keywordClients);
        }
    }

    // ------------------------------------------------------------------ scenario 3: sending

    @Test
    @Order(3)
    void sending() throws Exception {
        String database = "textdesk_bench";
        int caseworkers = 20;
        int fastSends = Integer.getInteger("bench.sends", 1700);
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
            Load.Result warmup = Load.run("warm-up sends (1,000)", caseworkers, sends.subList(0, 1000));
            CpuShare cpu = CpuShare.start(app.pid());
            Load.Result capacity = Load.run("Send Message, fake answers at once, back to back (capacity)",
                    caseworkers, sends.subList(1000, 1400));
            String cpuPerSend = cpu.perRequest(capacity.requests());
            Load.Result fast = Load.runAtRate(String.format(Locale.ROOT,
                    "Send Message, fake answers at once, %.0f sends/s (open loop)", sendsPerSecond), caseworkers,
                    sends.subList(1400, sends.size()), sendsPerSecond);
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
                WebSession reader = sessions.get(caseworkers + n % 4);
                long client = firstClient + n % 200;
                String path = n % 2 == 0 ? "/clients/" + client : "/clients/" + client + "/texts";
                reads.add(() -> reader.get(path).statusCode() == 200);
            }
            java.util.concurrent.atomic.AtomicReference<Load.Result> slow = new java.util.concurrent.atomic.AtomicReference<>();
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
            int total = fastSends + caseworkers * slowSendsEach;
            Load.report("3. Sending", List.of(warmup, capacity, fast, slow.get(), pages), List.of(
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
            assertThat(warmup.errors() + capacity.errors() + fast.errors() + slow.get().errors() + pages.errors())
                    .as("errors").isZero();
            assertThat(sent).isEqualTo(total);
            assertThat(fakeCalls).isEqualTo(total);
        }
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

    // ------------------------------------------------------------------ scenario 4: pages at scale

    @Test
    @Order(4)
    void pagesAtScale() throws Exception {
        int small = Integer.getInteger("bench.scale.small", 10_000);
        int large = Integer.getInteger("bench.scale.messages", 2_000_000);
        Map<String, Load.Result> atSmall = pagesAt("textdesk_bench_small", small);
        Map<String, Load.Result> atLarge = pagesAt("textdesk_bench_scale", large);
        List<String> notes = new ArrayList<>();
        notes.add("growth ratio of p95 (" + large + " messages / " + small + " messages), target at most 1.5:");
        for (String page : atLarge.keySet()) {
            double ratio = atLarge.get(page).percentileMs(95) / atSmall.get(page).percentileMs(95);
            notes.add(String.format(Locale.ROOT, "%s: p95 %.1f ms / %.1f ms = %.2f", page,
                    atLarge.get(page).percentileMs(95), atSmall.get(page).percentileMs(95), ratio));
        }
        Load.report("4. Pages at scale: growth", List.of(), notes);
        for (Load.Result result : atLarge.values()) {
            assertThat(result.errors()).as("errors of " + result.name()).isZero();
        }
    }

    /** Seeds {@code messages} texts (clients = messages / 20, two cases each, 3 status events per sent text, 4 for every ninth or so: about 3 per text) and times the pages. */
    Map<String, Load.Result> pagesAt(String database, int messages) throws Exception {
        int clients = Math.max(100, messages / 20);
        BenchDb.recreate(database);
        try (BenchApp app = startApp("pages-" + messages, database, List.of())) {
            configureTwilio(app);
            String hash = new BCryptPasswordEncoder().encode("caseworker-password");
            long seedStart = System.nanoTime();
            String loadBefore = Load.loadAverage();
            BenchDb.execute(database, """
                    insert into staff (username, password_hash, display_name, role, enabled, created_at)
                    values ('reader', '%s', 'Reader', 'CASEWORKER', true, now())""".formatted(hash), """
                    insert into clients (first_name, last_name, cell_area_code, cell_number, cell_e164, safe,
                        okay_to_text, created_at, updated_at)
                    select 'First' || g, 'Last' || (g %% 5000), '404', '5' || lpad(((g / 10000) %% 100)::text, 2, '0')
                        || '-' || lpad((g %% 10000)::text, 4, '0'), '+14045' || lpad(((g / 10000) %% 100)::text, 2, '0')
                        || lpad((g %% 10000)::text, 4, '0'), true, true, now(), now()
                    from generate_series(1, %d) g""".formatted(clients), """
                    insert into cases (case_number, client_id, title, opened_on)
                    select 'B-' || g, (g - 1) %% %d + 1, 'Case ' || g, current_date - 400
                    from generate_series(1, %d) g""".formatted(clients, 2 * clients));
            int batch = 200_000;
            for (int from = 1; from <= messages; from += batch) {
                int to = Math.min(messages, from + batch - 1);
                BenchDb.execute(database, """
                        insert into text_messages (direction, client_id, case_id, to_number, from_number, body,
                            twilio_sid, status, status_rank, sent_by, created_at, status_changed_at, read_at)
                        select case when (g - 1) / %1$d %% 10 = 9 then 'INBOUND' else 'OUTBOUND' end, (g - 1) %% %1$d + 1,
                            case when (g - 1) / %1$d %% 10 = 9 then null else (g - 1) %% %1$d + 1 end,
                            '+14045550100', '%2$s', 'Seeded text number ' || g || ': your appointment is on Tuesday.',
                            'SMscale' || lpad(g::text, 32, '0'),
                            case when (g - 1) / %1$d %% 10 = 9 then 'received' else 'delivered' end, 3,
                            case when (g - 1) / %1$d %% 10 = 9 then null else 1 end,
                            now() - (%3$d - g) * interval '30 seconds', now() - (%3$d - g) * interval '30 seconds',
                            case when (g - 1) / %1$d %% 10 = 9 and g < %3$d - 200 then now() else null end
                        from generate_series(%4$d, %5$d) g""".formatted(clients, TWILIO_NUMBER, messages, from, to),
                        """
                        insert into client_texts (client_id, text_message_id, created_at)
                        select client_id, id, created_at from text_messages where id between %d and %d"""
                                .formatted(from, to), """
                        insert into message_status_events (text_message_id, status, received_at)
                        select m.id, s.status, m.created_at + s.n * interval '1 second'
                        from text_messages m cross join (values (1, 'queued'), (2, 'sending'), (3, 'sent'), (4, 'delivered'))
                            s(n, status)
                        where m.id between %d and %d and m.direction = 'OUTBOUND'
                            and (s.status <> 'sending' or m.id %% 9 < 2)
                        union all select id, 'received', created_at from text_messages
                        where id between %d and %d and direction = 'INBOUND'""".formatted(from, to, from, to));
            }
            BenchDb.execute(database, "vacuum (analyze)"); // as autovacuum would have by then: visibility map set, statistics fresh
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            long events = BenchDb.queryLong(database, "select count(*) from message_status_events");
            long client = clients / 2;
            long message = BenchDb.queryLong(database,
                    "select max(id) from text_messages where direction = 'OUTBOUND' and client_id = " + client);
            WebSession reader = WebSession.loggedIn(app.baseUrl(), "reader", "caseworker-password");
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("client search", "/clients?q=Last123");
            pages.put("client's Texts page", "/clients/" + client + "/texts");
            pages.put("Message Status", "/texts/" + message + "/status");
            pages.put("Incoming page", "/incoming");
            Map<String, Load.Result> results = new LinkedHashMap<>();
            String before = Load.loadAverage();
            for (Map.Entry<String, String> page : pages.entrySet()) {
                List<Load.Request> gets = new ArrayList<>();
                for (int i = 0; i < 550; i++) {
                    gets.add(() -> reader.get(page.getValue()).statusCode() == 200);
                }
                // warm: the JIT and the templates' compiled expressions settle after a few hundred renders
                Load.run("warm-up", 2, gets.subList(0, 300));
                results.put(page.getKey(), Load.run(page.getKey() + " (" + page.getValue() + ")", 2,
                        gets.subList(300, gets.size())));
            }
            Load.report("4. Pages at " + messages + " messages", List.copyOf(results.values()), List.of(
                    "seeded in SQL (generate_series, batches of " + batch + ", indexes of the migrations in place, then"
                            + " VACUUM ANALYZE) in " + String.format(Locale.ROOT, "%.0f", seedSeconds) + " s: " + clients
                            + " clients, " + 2 * clients + " cases, " + messages + " texts (10% incoming), " + events
                            + " status events; load average before seeding " + loadBefore,
                    "one caseworker session, 2 threads, 250 timed GETs per page after 300 warm-up GETs; load average"
                            + " before/after pages: " + before + " / " + Load.loadAverage(),
                    "check: every GET answered 200 (errors column)"));
            return results;
        }
    }

    // ------------------------------------------------------------------ scenario 5: startup, memory, small heap

    @Test
    @Order(5)
    void startupAndSmallHeap() throws Exception {
        Path dataDir = Files.createTempDirectory("textdesk-bench-h2");
        for (int run = 1; run <= 2; run++) {
            try (BenchApp embedded = startApp("embedded-" + run, null, List.of(), dataDir)) {
                // the second start reuses the H2 file the first one created and seeded
            }
        }
        for (int run = 1; run <= 2; run++) {
            BenchDb.recreate("textdesk_bench");
            try (BenchApp postgres = startApp("postgres-" + run, "textdesk_bench", List.of())) {
                // startup figures recorded by startApp
            }
        }
        BenchApp.Cds cds = BenchApp.withCds();
        Path cdsDataDir = Files.createTempDirectory("textdesk-bench-h2-cds");
        for (int run = 1; run <= 2; run++) {
            try (BenchApp embedded = startApp("embedded-cds-" + run, null, List.of(cds.jvmOption()), cdsDataDir,
                    cds.jar())) {
                // the second start reuses the H2 file the first one created and seeded
            }
        }
        // The embedded default is the try-it-out launch: C1 only, as spring-boot:run used to start (optimizedLaunch)
        Path quickDataDir = Files.createTempDirectory("textdesk-bench-h2-quick");
        for (int run = 1; run <= 2; run++) {
            try (BenchApp embedded = startApp("embedded-cds-c1-" + run, null,
                    List.of(cds.jvmOption(), "-XX:TieredStopAtLevel=1"), quickDataDir, cds.jar())) {
                // the second start reuses the H2 file the first one created and seeded
            }
        }
        BenchDb.recreate("textdesk_bench");
        try (BenchApp postgres = startApp("postgres-cds", "textdesk_bench", List.of(cds.jvmOption()), null,
                cds.jar())) {
            // startup figures recorded by startApp
        }
        statusCallbacksScenario("5. Status callbacks with -Xmx256m", "textdesk_bench", List.of("-Xmx256m"), false);
    }

    // ------------------------------------------------------------------ helpers

    static BenchApp startApp(String name, String database, List<String> jvmOptions) throws Exception {
        return startApp(name, database, jvmOptions, null);
    }

    static BenchApp startApp(String name, String database, List<String> jvmOptions, Path dataDir) throws Exception {
        return startApp(name, database, jvmOptions, dataDir, BenchApp.jar());
    }

    static BenchApp startApp(String name, String database, List<String> jvmOptions, Path dataDir, Path jar)
            throws Exception {
        String load = Load.loadAverage();
        BenchApp app = BenchApp.start(name, database, FAKE.baseUrl(), dataDir, jvmOptions, jar);
        STARTUPS.add(String.format(Locale.ROOT, "%s: %s, ready (health UP) in %d ms, RSS at ready %d MiB, JVM options %s,"
                + " load average before start %s", name, database == null ? "embedded default (H2)" : "PostgreSQL",
                app.readyMillis(), app.rssMiB(), jvmOptions.isEmpty() ? "(defaults)" : String.join(" ", jvmOptions),
                load));
        System.out.println("started " + app + " in " + app.readyMillis() + " ms");
        return app;
    }

    /** Twilio Setup through the app: the admin logs in and saves the form, as a person would. */
    static void configureTwilio(BenchApp app) throws Exception {
        FAKE.reset();
        FAKE.acceptCredentials(ACCOUNT_SID, AUTH_TOKEN);
        WebSession admin = WebSession.loggedIn(app.baseUrl(), BenchApp.ADMIN_USERNAME, BenchApp.ADMIN_PASSWORD);
        String page = admin.get("/admin/twilio").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", WebSession.field(page, "_csrf"));
        form.put("version", WebSession.field(page, "version"));
        form.put("enabled", "true");
        form.put("accountSid", ACCOUNT_SID);
        form.put("authToken", AUTH_TOKEN);
        form.put("statusCallback", app.baseUrl() + "/twilio/status");
        form.put("twilioNumber", "404-476-4365");
        form.put("textResponse", TEXT_RESPONSE);
        form.put("callResponse", "Thank you for calling.");
        HttpResponse<String> saved = admin.post("/admin/twilio", form);
        if (saved.statusCode() != 302) {
            throw new IllegalStateException("Twilio Setup not saved: " + saved.statusCode() + "\n" + saved.body());
        }
    }

    static void seedClient(String database, String lastName, String e164, boolean safe, boolean okayToText)
            throws Exception {
        BenchDb.execute(database, """
                insert into clients (first_name, last_name, cell_area_code, cell_number, cell_e164, safe, okay_to_text,
                    created_at, updated_at)
                values ('Bench', '%s', '%s', '%s', '%s', %s, %s, now(), now())""".formatted(lastName,
                e164.substring(2, 5), e164.substring(5, 8) + "-" + e164.substring(8), e164, safe, okayToText));
    }

    /** Outbound texts with SIDs prefix + 32 digits, status accepted (rank 0) and no history yet. */
    static void seedOutbound(String database, String prefix, int count) throws Exception {
        BenchDb.execute(database, """
                insert into text_messages (direction, client_id, to_number, from_number, body, twilio_sid, status,
                    status_rank, created_at, status_changed_at)
                select 'OUTBOUND', (select min(id) from clients), '+14045550100', '%s', 'Bench text ' || g,
                    '%s' || lpad(g::text, 32, '0'), 'accepted', 0, now(), now()
                from generate_series(1, %d) g""".formatted(TWILIO_NUMBER, prefix, count));
    }


    static List<Load.Request> shuffled(List<Load.Request> requests, long seed) {
        List<Load.Request> copy = new ArrayList<>(requests);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    static long memTotalMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    /** pgbench running the SQL of one status callback at the same concurrency. */
    record Pgbench(double tps, String output, String command) {

        static Pgbench statusTransaction(String database, int messages, int clients, int seconds) throws Exception {
            Path script = Path.of("target", "bench", "status-callback.sql").toAbsolutePath();
            Files.writeString(script, """
                    \\set n random(1, %d)
                    \\set s random(1, 1000000000)
                    \\set r random(0, 4)
                    WITH message AS (SELECT id, client_id FROM text_messages
                            WHERE twilio_sid = 'SMbench' || lpad(:n::text, 32, '0')),
                        event AS (INSERT INTO message_status_events (text_message_id, status, error_code, reported_at,
                                received_at)
                            SELECT id, 'pgbench-' || :s, NULL, NULL, now() FROM message ON CONFLICT DO NOTHING
                            RETURNING text_message_id),
                        moved AS (UPDATE text_messages t SET status = 'pgbench', status_rank = :r,
                                error_code = coalesce(NULL, t.error_code), status_changed_at = now()
                            FROM event WHERE t.id = event.text_message_id AND t.status_rank < :r RETURNING t.id)
                    SELECT message.id, message.client_id, exists (SELECT 1 FROM event) FROM message;
                    """.formatted(messages));
            String pgbench = System.getProperty("bench.pgbench", "pgbench");
            List<String> command = List.of(pgbench, "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j", "2",
                    "-T", String.valueOf(seconds), "-f", script.toString(), "-h", BenchDb.HOST, "-p", BenchDb.PORT,
                    "-U", BenchDb.USER, database);
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException missing) {
                throw new IllegalStateException("pgbench not found: apt-get install -y postgresql-contrib", missing);
            }
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor(seconds + 60L, TimeUnit.SECONDS);
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench gave no tps:\n" + output);
            }
            return new Pgbench(Double.parseDouble(tps.group(1)), output, String.join(" ", command));
        }

        String describe() {
            Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
            return String.format(Locale.ROOT, "pgbench, the app's SQL statement (select by SID, insert ... on conflict"
                    + " do nothing, conditional update, in one statement), -c 32 -j 2 -T 15 -M prepared: %.0f tps, latency average %s ms"
                    + " (load average after %s)", tps, latency.find() ? latency.group(1) : "?", Load.loadAverage());
        }
    }
}
