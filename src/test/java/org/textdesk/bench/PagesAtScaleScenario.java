package org.textdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.textdesk.bench.BenchFixtures.TWILIO_NUMBER;
import static org.textdesk.bench.BenchFixtures.configureTwilio;
import static org.textdesk.bench.BenchFixtures.startApp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Scenario 4: the pages a caseworker opens most, timed on a small database and on one seeded with millions of
 * texts, so that a page whose time grows with the data shows in the p95 growth ratio (target at most 1.5).
 */
final class PagesAtScaleScenario {

    private static final int SEARCHED_CLIENTS = 30;

    private PagesAtScaleScenario() {
    }

    static void run() throws Exception {
        int small = Integer.getInteger("bench.scale.small", 10_000);
        int large = Integer.getInteger("bench.scale.messages", 10_000_000);
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
    private static Map<String, Load.Result> pagesAt(String database, int messages) throws Exception {
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
                    from generate_series(1, %d) g""".formatted(clients, 2 * clients),
                    // The same 30 clients match the search at every size, so its page shows the same rows at
                    // 10,000 and at 10,000,000 texts: a growth in its time is the data's, not a longer list.
                    "update clients set last_name = 'Okafor' || id where id <= " + SEARCHED_CLIENTS);
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
            // Pictures' metadata: every fifth incoming text came with one picture (a few bytes stand for it).
            BenchDb.execute(database, """
                    insert into text_media (text_message_id, position, twilio_url, declared_type, state, content_type,
                        size_bytes, content, attempts, next_attempt_at, fetched_at)
                    select id, 0, 'https://api.twilio.com/2010-04-01/Accounts/AC/Messages/' || twilio_sid
                        || '/Media/ME' || lpad(id::text, 32, '0'), 'image/jpeg', 'STORED', 'image/jpeg', 4,
                        '\\xffd8ffe0'::bytea, 1, created_at, created_at
                    from text_messages where direction = 'INBOUND' and id % 5 = 0""",
                    "update text_messages set num_media = 1 where direction = 'INBOUND' and id % 5 = 0");
            BenchDb.execute(database, "vacuum (analyze)"); // as autovacuum would have by then: visibility map set, statistics fresh
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            long events = BenchDb.queryLong(database, "select count(*) from message_status_events");
            long pictures = BenchDb.queryLong(database, "select count(*) from text_media");
            long databaseMiB = BenchDb.queryLong(database, "select pg_database_size(current_database())") >> 20;
            long client = clients / 2;
            long message = BenchDb.queryLong(database,
                    "select max(id) from text_messages where direction = 'OUTBOUND' and client_id = " + client);
            WebSession reader = WebSession.loggedIn(app.baseUrl(), "reader", "caseworker-password");
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("client search (30 matches at every size)", "/clients?q=okafor");
            pages.put("client search Last123 (matches grow with the clients)", "/clients?q=Last123");
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
                            + " status events, " + pictures + " pictures' metadata; database " + databaseMiB
                            + " MiB; load average before seeding " + loadBefore,
                    "one caseworker session, 2 threads, 250 timed GETs per page after 300 warm-up GETs; load average"
                            + " before/after pages: " + before + " / " + Load.loadAverage(),
                    "check: every GET answered 200 (errors column)"));
            return results;
        }
    }
}
