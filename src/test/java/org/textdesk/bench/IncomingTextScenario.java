package org.textdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.textdesk.bench.BenchFixtures.ACCOUNT_SID;
import static org.textdesk.bench.BenchFixtures.TEXT_RESPONSE;
import static org.textdesk.bench.BenchFixtures.TWILIO_NUMBER;
import static org.textdesk.bench.BenchFixtures.configureTwilio;
import static org.textdesk.bench.BenchFixtures.sid;
import static org.textdesk.bench.BenchFixtures.signedWebhook;
import static org.textdesk.bench.BenchFixtures.startApp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Scenario 2: signed incoming texts, one in ten a STOP or START keyword from its own client (so each changes
 * exactly one client and the final counts are exact), every TwiML answer checked.
 */
final class IncomingTextScenario {

    private static final int WARMUP_CLIENTS = 3000;

    private IncomingTextScenario() {
    }

    static void run() throws Exception {
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
            // The warm-up's own clients, so that it runs the code the measured texts run (keywords that change a
            // client's Okay to Text, links to clients) and the checks below stay exact.
            BenchDb.execute(database, """
                    insert into clients (first_name, last_name, cell_area_code, cell_number, cell_e164, safe,
                        okay_to_text, created_at, updated_at)
                    select 'Wi' || g, 'Warmup', '404', '3' || lpad((g / 10000)::text, 2, '0') || '-'
                        || lpad((g %% 10000)::text, 4, '0'), '+14043' || lpad((g / 10000)::text, 2, '0')
                        || lpad((g %% 10000)::text, 4, '0'), true, g %% 2 = 0, now(), now()
                    from generate_series(1, %d) g""".formatted(WARMUP_CLIENTS));
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
            String before = Load.loadAverage();
            List<Load.Result> warmup = Warmup.untilJitQuiet(app, "warm-up (5,000 from other clients, checked too)",
                    threads, round -> warmupTexts(url, round));
            CpuShare cpu = CpuShare.start(app.pid());
            Load.Result result = Load.run("incoming texts", threads, requests);
            String cpuPerRequest = cpu.perRequest(result.requests());
            String after = Load.loadAverage();

            long inbound = BenchDb.queryLong(database,
                    "select count(*) from text_messages where direction = 'INBOUND' and twilio_sid like 'SMin%'");
            long links = BenchDb.queryLong(database, """
                    select count(*) from client_texts ct join text_messages m on m.id = ct.text_message_id
                    where m.direction = 'INBOUND' and m.twilio_sid like 'SMin%'""");
            long stopped = BenchDb.queryLong(database,
                    "select count(*) from clients where last_name = 'Incoming' and okay_to_text = false");
            long keywordEvents = BenchDb.queryLong(database,
                    """
                    select count(*) from consent_events e join clients c on c.id = e.client_id
                    where e.source = 'KEYWORD' and c.last_name = 'Incoming'""");
            List<Load.Result> rows = new ArrayList<>(warmup);
            rows.add(result);
            Load.report("2. Incoming texts", rows, List.of(
                    total + " signed POST /twilio/sms (" + 2 * keywordClients + " keywords: STOP/stop./START/Start!,"
                            + " each from its own client, which it changes), " + threads + " concurrent senders;"
                            + " every answer checked: text/xml, empty <Response/> for keywords, the Text Response otherwise",
                    "load average before/after: " + before + " / " + after, cpuPerRequest,
                    "check: incoming texts stored " + inbound + " (want " + total + "), client links " + links
                            + " (want " + total + "), clients unticked " + stopped + " (want " + keywordClients
                            + "), KEYWORD consent events " + keywordEvents + " (want " + 2 * keywordClients + ")"));
            assertThat(rows).allSatisfy(run -> assertThat(run.errors()).as("errors of " + run.name()).isZero());
            assertThat(inbound).isEqualTo(total);
            assertThat(links).isEqualTo(total);
            assertThat(stopped).isEqualTo(keywordClients);
            assertThat(keywordEvents).isEqualTo(2L * keywordClients);
        }
    }

    /** Round r's 5,000 warm-up texts: fresh SIDs from the warm-up clients, every tenth a STOP or START. */
    private static List<Load.Request> warmupTexts(String url, int round) {
        List<Load.Request> texts = new ArrayList<>();
        for (int n = (round - 1) * 5000 + 1; n <= round * 5000; n++) {
            boolean keyword = n % 10 == 0;
            String from = String.format(Locale.ROOT, "+14043%06d", n % WARMUP_CLIENTS + 1);
            texts.add(incomingText(url, sid("SMwi", n), from,
                    keyword ? (n % 20 == 0 ? "STOP" : "START") : "Warm-up text " + n, keyword));
        }
        return texts;
    }

    /** One signed incoming text whose TwiML answer is checked: empty for a keyword, the Text Response otherwise. */
    private static Load.Request incomingText(String url, String sid, String from, String body, boolean keyword) {
        WebhookPoster.SignedPost post = signedWebhook(url, "MessageSid", sid, "SmsMessageSid", sid, "AccountSid",
                ACCOUNT_SID, "From", from, "To", TWILIO_NUMBER, "Body", body, "NumMedia", "0", "NumSegments", "1",
                "ApiVersion", "2010-04-01");
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
}
