package org.textdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.textdesk.bench.BenchFixtures.ACCOUNT_SID;
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
 * Scenario 1 (and 5's small heap run): signed status callbacks for seeded outbound texts, shuffled and partly
 * repeated as Twilio sends them, then every text must have exactly its 4 statuses; beside it pgbench runs the
 * app's own SQL for how far the app is from what PostgreSQL alone can do.
 */
final class StatusCallbackScenario {

    private static final String[] STATUSES = {"queued", "sending", "sent", "delivered"};
    private static final int WARMUP_TEXTS = 2500;

    private StatusCallbackScenario() {
    }

    static void run(String title, String database, List<String> jvmOptions, boolean withPgbench) throws Exception {
        int messages = Integer.getInteger("bench.status.messages", 5000);
        int threads = Integer.getInteger("bench.threads", 32);
        BenchDb.recreate(database);
        try (BenchApp app = startApp("status" + (jvmOptions.isEmpty() ? "" : "-" + (jvmOptions.size() > 1 ? "before" : jvmOptions.get(0).replaceAll("[^A-Za-z0-9]+", ""))),
                database, jvmOptions)) {
            configureTwilio(app);
            seedClient(database, "Status", "+14045550100", true, true);
            seedOutbound(database, "SMwarm", WARMUP_TEXTS * Warmup.maxRounds());
            seedOutbound(database, "SMbench", messages);
            String url = app.baseUrl() + "/twilio/status";
            String before = Load.loadAverage();
            List<Load.Result> warmup = Warmup.untilJitQuiet(app, "warm-up (2,500 x 4, not checked)", threads,
                    round -> shuffled(callbacks(url, "SMwarm", (round - 1) * WARMUP_TEXTS + 1, WARMUP_TEXTS, 0), round));
            List<Load.Request> requests = shuffled(callbacks(url, "SMbench", 1, messages, 10), 42);
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
            List<Load.Result> rows = new ArrayList<>(warmup);
            rows.add(result);
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

    /** 4 signed callbacks per message, from message {@code first} on, and a repeat of {@code repeatPercent}% of them. */
    static List<Load.Request> callbacks(String url, String prefix, int first, int messages,
            int repeatPercent) {
        List<Load.Request> requests = new ArrayList<>();
        Random random = new Random(7);
        for (int n = first; n < first + messages; n++) {
            for (String status : STATUSES) {
                WebhookPoster.SignedPost post = signedWebhook(url, "MessageSid", sid(prefix, n), "SmsSid",
                        sid(prefix, n), "MessageStatus", status, "SmsStatus", status, "AccountSid", ACCOUNT_SID,
                        "From", TWILIO_NUMBER, "To", "+14045550100", "ApiVersion", "2010-04-01");
                Load.Request request = () -> WebhookPoster.send(post).status() == 200;
                requests.add(request);
                if (random.nextInt(100) < repeatPercent) {
                    requests.add(request);
                }
            }
        }
        return requests;
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
}
