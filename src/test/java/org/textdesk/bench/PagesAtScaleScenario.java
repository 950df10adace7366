package org.textdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.textdesk.bench.BenchFixtures.TWILIO_NUMBER;
import static org.textdesk.bench.BenchFixtures.configureTwilio;
import static org.textdesk.bench.BenchFixtures.startApp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Queue;
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
        // -Dbench.scale.beforeJar=other.jar: a third app, that build on the large database, timed in the same turns
        String beforeJar = System.getProperty("bench.scale.beforeJar", "");
        boolean smallKept = keptOrEmptied(SMALL_DATABASE, small);
        boolean largeKept = keptOrEmptied(LARGE_DATABASE, large);
        try (BenchApp smallApp = startApp("pages-" + small, SMALL_DATABASE, List.of());
                BenchApp largeApp = startApp("pages-" + large, LARGE_DATABASE, List.of());
                BenchApp beforeApp = beforeJar.isBlank() ? null
                        : startApp("pages-" + large + "-before", LARGE_DATABASE, List.of(), null, Path.of(beforeJar))) {
            Seeded atSmall = seeded(SMALL_DATABASE, small, smallKept);
            Seeded atLarge = seeded(LARGE_DATABASE, large, largeKept);
            configureTwilio(smallApp);
            configureTwilio(largeApp);
            List<Sized> sizes = new ArrayList<>();
            sizes.add(new Sized("small size", WebSession.loggedIn(smallApp.baseUrl(), "reader", "caseworker-password"),
                    atSmall));
            sizes.add(new Sized("large size", WebSession.loggedIn(largeApp.baseUrl(), "reader", "caseworker-password"),
                    atLarge));
            if (beforeApp != null) {
                sizes.add(new Sized("large size, before (" + Path.of(beforeJar).getFileName() + ")",
                        WebSession.loggedIn(beforeApp.baseUrl(), "reader", "caseworker-password"), atLarge));
            }
            String before = Load.loadAverage();
            List<Load.Result> results = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            notes.add("growth ratio of p95 (" + large + " texts / " + small + " texts), target at most 1.5; the"
                    + " apps answer in turn within one run (small, large, small, ...), so every size sees the same"
                    + " load from the rest of the machine:");
            for (String page : atLarge.pages().keySet()) {
                Load.Result[] timed = timedInTurn(page, sizes);
                results.addAll(List.of(timed));
                String line = String.format(Locale.ROOT, "%s: p95 %.1f ms / %.1f ms = %.2f", page,
                        timed[1].percentileMs(95), timed[0].percentileMs(95),
                        timed[1].percentileMs(95) / timed[0].percentileMs(95));
                if (timed.length > 2) {
                    line += String.format(Locale.ROOT, " (before: p95 %.1f ms = %.2f)", timed[2].percentileMs(95),
                            timed[2].percentileMs(95) / timed[0].percentileMs(95));
                }
                notes.add(line);
            }
            notes.add(atSmall.description());
            notes.add(atLarge.description());
            notes.add("one caseworker session per app, 2 threads, " + TIMED + " timed GETs per page and size after "
                    + WARM_UP + " warm-up GETs each; load average before/after pages: " + before + " / "
                    + Load.loadAverage());
            notes.add("check: every GET answered 200 (errors column)");
            Load.report("4. Pages at " + small + " and " + large + " texts", results, notes);
            for (Load.Result result : results) {
                assertThat(result.errors()).as("errors of " + result.name()).isZero();
            }
        }
    }

    /** One app timed: its label, the caseworker's session on it, its database's pages. */
    private record Sized(String label, WebSession reader, Seeded seeded) {
    }

    private static final String SMALL_DATABASE = "textdesk_bench_small";
    private static final String LARGE_DATABASE = "textdesk_bench_scale";
    // fewer with -Dbench.scale.warmUp / -Dbench.scale.timed when the shared machine is busy
    private static final int WARM_UP = Integer.getInteger("bench.scale.warmUp", 300);
    private static final int TIMED = Integer.getInteger("bench.scale.timed", 250);

    private record Seeded(Map<String, String> pages, String description) {
    }

    /**
     * The page at each size, requested in turn from 2 threads: warm-up GETs first (the JIT and the templates'
     * compiled expressions settle after a few hundred renders), then the timed ones; each GET timed on its own.
     */
    private static Load.Result[] timedInTurn(String page, List<Sized> sizes) throws InterruptedException {
        List<Load.Request> warmUp = new ArrayList<>();
        for (int i = 0; i < WARM_UP; i++) {
            for (Sized size : sizes) {
                String path = size.seeded().pages().get(page);
                warmUp.add(() -> size.reader().get(path).statusCode() == 200);
            }
        }
        Load.run("warm-up", 2, warmUp);
        List<Queue<Long>> nanos = new ArrayList<>();
        List<AtomicInteger> errors = new ArrayList<>();
        List<Load.Request> timed = new ArrayList<>();
        for (int s = 0; s < sizes.size(); s++) {
            nanos.add(new ConcurrentLinkedQueue<>());
            errors.add(new AtomicInteger());
        }
        for (int i = 0; i < TIMED; i++) {
            for (int s = 0; s < sizes.size(); s++) {
                Sized size = sizes.get(s);
                String path = size.seeded().pages().get(page);
                Queue<Long> into = nanos.get(s);
                AtomicInteger failed = errors.get(s);
                timed.add(() -> timedGet(size.reader(), path, into, failed));
            }
        }
        long started = System.nanoTime();
        Load.run(page, 2, timed);
        double seconds = (System.nanoTime() - started) / 1e9;
        Load.Result[] results = new Load.Result[sizes.size()];
        for (int s = 0; s < sizes.size(); s++) {
            Sized size = sizes.get(s);
            results[s] = result(page + " at " + size.label() + " (" + size.seeded().pages().get(page) + ")",
                    nanos.get(s), seconds, errors.get(s));
        }
        return results;
    }

    /** Returns null: Load leaves it out of its own figures, which would mix the two sizes. */
    private static Boolean timedGet(WebSession reader, String path, Queue<Long> nanos, AtomicInteger errors)
            throws Exception {
        long begin = System.nanoTime();
        boolean ok = reader.get(path).statusCode() == 200;
        nanos.add(System.nanoTime() - begin);
        if (!ok) {
            errors.incrementAndGet();
        }
        return null;
    }

    private static Load.Result result(String name, Queue<Long> nanos, double seconds, AtomicInteger errors) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Load.Result(name, 2, sorted.length, seconds, sorted, errors.get());
    }

    /**
     * With -Dbench.scale.reuse=true a database seeded by an earlier run with the same number of texts is kept
     * (seeding 10,000,000 texts takes minutes); otherwise it is made afresh, empty, for the app to migrate.
     */
    private static boolean keptOrEmptied(String database, int messages) throws Exception {
        if (Boolean.getBoolean("bench.scale.reuse")) {
            try {
                if (BenchDb.queryLong(database, "select count(*) from text_messages") == messages) {
                    System.out.println("bench: " + database + " kept, seeded earlier with " + messages + " texts");
                    return true;
                }
            } catch (java.sql.SQLException missing) {
                // not there yet: made below
            }
        }
        BenchDb.recreate(database);
        return false;
    }

    /** The reader's fixed share: its Scheduled page (50 rows a page since the sixth session, 200 before) is full at every size. */
    static final int READERS_SCHEDULED = 250;
    /** The timed case page's appointments (the case of the reader's client 1), the same at every size. */
    static final int TIMED_CASE_APPOINTMENTS = 12;

    /**
     * Appointments and scheduled texts in proportion to the clients, set-based: one appointment a case (over the
     * 400 days before and 60 after today, every 15th cancelled) with its one reminder (a plan "the day before at
     * 9:00") and the reminder's scheduled text (SENT with one of the client's texts when it went, SCHEDULED when it
     * will, CANCELLED with a cancelled appointment, every 50th HELD), booked by the front desk; one texts' worth
     * more scheduled by hand for every 20 clients (a tenth of them by the reader); and the reader's fixed share:
     * 250 scheduled texts for its 30 clients (60 waiting, 10 held, the rest gone or cancelled) and 12 appointments
     * on case B-1 (client 1's), so that the Scheduled page, the case page and client 1's record show the same rows
     * at every size. Texts are client + clients * k (k 0-19, incoming when k mod 10 = 9), so client + clients *
     * (n mod 9) is one of the client's outgoing texts.
     */
    private static void seedAppointmentsAndScheduledTexts(String database, int clients) throws Exception {
        String reader = "(select id from staff where username = 'reader')";
        String frontDesk = "(select id from staff where username = 'frontdesk')";
        BenchDb.execute(database, """
                insert into reminder_texts (name, text, created_at, updated_at)
                values ('The day before', 'Hi {first_name}, a reminder of your appointment on {appointment_date}.',
                        now(), now())""", """
                insert into reminder_plans (days_before, at_time, minutes_before, reminder_text_id, active, created_at)
                select 1, time '09:00', null, id, true, now() from reminder_texts""", """
                insert into appointments (case_id, client_id, starts_at, place, staff_id, state, answer, answered_at,
                    created_by, created_at, updated_at)
                select k.id, k.client_id, a.starts_at, 'Main office, room ' || (k.id %% 20), %2$s,
                    case when k.id %% 15 = 0 then 'CANCELLED' else 'BOOKED' end,
                    case when k.id %% 3 = 0 and a.starts_at < now() then 'CONFIRMED' end,
                    case when k.id %% 3 = 0 and a.starts_at < now() then a.starts_at - interval '20 hours' end,
                    %2$s, a.starts_at - interval '14 days', a.starts_at - interval '14 days'
                from cases k cross join lateral (select date_trunc('day', now()) - interval '400 days'
                    + (k.id * 7 %% 460) * interval '1 day' + interval '10 hours' as starts_at) a""".formatted(clients,
                frontDesk), """
                insert into appointments (case_id, client_id, starts_at, place, staff_id, state, created_by, created_at,
                    updated_at)
                select k.id, k.client_id, date_trunc('day', now()) + (g - 6) * interval '7 days' + interval '14 hours',
                    'Main office', %1$s, 'BOOKED', %1$s, now() - interval '60 days', now() - interval '60 days'
                from cases k cross join generate_series(1, %2$d) g where k.case_number = 'B-1'""".formatted(reader,
                TIMED_CASE_APPOINTMENTS - 1), """
                insert into scheduled_texts (client_id, case_id, body, due_at, state, confirm_not_safe, send_key,
                    created_by, created_at, updated_at, attempts, reason, message_id)
                select client_id, case_id, 'Hi, a reminder of your appointment on ' || to_char(starts_at, 'MM/DD/YYYY')
                        || ' at ' || place || '.', due_at, text_state, false, 'appointment-' || id, created_by,
                    created_at, created_at, case when text_state = 'SENT' then 1 else 0 end,
                    case when text_state = 'HELD' then 'reminders.held.stopped' end,
                    case when text_state = 'SENT' then client_id + %1$d * (id %% 9) end
                from (select a.id, a.client_id, a.case_id, a.starts_at, a.place, a.created_by, a.created_at,
                        a.starts_at - interval '25 hours' as due_at,
                        case when a.state = 'CANCELLED' then 'CANCELLED'
                             when a.starts_at - interval '25 hours' > now() then 'SCHEDULED'
                             when a.id %% 50 = 0 then 'HELD' else 'SENT' end as text_state
                      from appointments a) a""".formatted(clients), """
                insert into appointment_reminders (appointment_id, plan_id, due_at, scheduled_text_id, is_current,
                    created_at)
                select a.id, (select min(id) from reminder_plans), st.due_at, st.id, true, a.created_at
                from appointments a join scheduled_texts st on st.send_key = 'appointment-' || a.id""", """
                insert into scheduled_texts (client_id, body, due_at, state, confirm_not_safe, send_key, created_by,
                    created_at, updated_at, attempts, reason, message_id)
                select g * 20, 'Please bring your ID and a recent pay stub.', due_at, state, false, 'by-hand-' || g,
                    case when g %% 10 = 0 then %2$s else %3$s end, due_at - interval '3 days', due_at - interval '3 days',
                    case when state = 'SENT' then 1 else 0 end,
                    case when state = 'HELD' then 'reminders.held.stopped' end,
                    case when state = 'SENT' then g * 20 + %1$d * (g %% 9) end
                from (select g, date_trunc('day', now()) - interval '400 days' + (g * 13 %% 460) * interval '1 day'
                        + interval '15 hours' as due_at,
                        case when g * 13 %% 460 > 400 then 'SCHEDULED' when g %% 11 = 0 then 'CANCELLED'
                             when g %% 37 = 0 then 'HELD' else 'SENT' end as state
                      from generate_series(1, %4$d) g) s""".formatted(clients, reader, frontDesk, clients / 20), """
                insert into scheduled_texts (client_id, body, due_at, state, confirm_not_safe, send_key, created_by,
                    created_at, updated_at, attempts, reason, message_id)
                select (g - 1) %% %5$d + 1, 'Your documents are ready to pick up (' || g || ').', due_at, state, false,
                    'reader-' || g, %2$s, now() - interval '300 days', now() - interval '300 days',
                    case when state = 'SENT' then 1 else 0 end,
                    case when state = 'HELD' then 'reminders.held.stopped' end,
                    case when state = 'SENT' then (g - 1) %% %5$d + 1 + %1$d * (g %% 9) end
                from (select g, case when g <= 60 then now() + g * interval '5 hours'
                                     when g <= 70 then now() - (g - 60) * interval '1 hour'
                                     else now() - (g - 70) * interval '1 day' end as due_at,
                        case when g <= 60 then 'SCHEDULED' when g <= 70 then 'HELD' when g %% 7 = 0 then 'CANCELLED'
                             else 'SENT' end as state
                      from generate_series(1, %3$d) g) s""".formatted(clients, reader, READERS_SCHEDULED, 0,
                SEARCHED_CLIENTS));
    }

    /**
     * Seeds {@code messages} texts (clients = messages / 20, two cases each, 3 status events per sent text, 4 for
     * every ninth or so: about 3 per text) unless kept from an earlier run; the pages to time at that size.
     */
    private static Seeded seeded(String database, int messages, boolean kept) throws Exception {
        int clients = Math.max(100, messages / 20);
        long seedStart = System.nanoTime();
        String loadBefore = Load.loadAverage();
        if (!kept) {
            String hash = new BCryptPasswordEncoder().encode("caseworker-password");
            BenchDb.execute(database, """
                    insert into staff (username, password_hash, display_name, role, enabled, created_at)
                    values ('reader', '%1$s', 'Reader', 'CASEWORKER', true, now()),
                        ('frontdesk', '%1$s', 'Front Desk', 'CASEWORKER', true, now())""".formatted(hash), """
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
            seedAppointmentsAndScheduledTexts(database, clients);
            BenchDb.execute(database, "vacuum (analyze)"); // as autovacuum would have by then: visibility map set, statistics fresh
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        // The searched clients are the reader's (caseload), so "My clients" (a caseworker's default) and My inbox
        // show them; the same 30 at every size. Idempotent, so a kept database gets it too.
        BenchDb.execute(database, "update clients set caseworker_id = (select id from staff where username = 'reader')"
                + " where id <= " + SEARCHED_CLIENTS + " and caseworker_id is null");
        if (kept && BenchDb.queryLong(database, "select count(*) from appointments") == 0) {
            // kept from a run before appointments and scheduled texts were seeded: add them, not the texts again
            BenchDb.execute(database, "insert into staff (username, password_hash, display_name, role, enabled,"
                    + " created_at) select 'frontdesk', password_hash, 'Front Desk', role, true, now() from staff"
                    + " where username = 'reader' and not exists (select 1 from staff where username = 'frontdesk')");
            seedAppointmentsAndScheduledTexts(database, clients);
        }
        if (kept) {
            // The app's start may have migrated the kept database: columns and indexes added since the seeding
            // have no statistics until autovacuum gets round to them, and the planner then guesses.
            BenchDb.execute(database, "analyze");
        }
        long events = BenchDb.queryLong(database, "select count(*) from message_status_events");
        long pictures = BenchDb.queryLong(database, "select count(*) from text_media");
        long appointments = BenchDb.queryLong(database, "select count(*) from appointments");
        long scheduled = BenchDb.queryLong(database, "select count(*) from scheduled_texts");
        long databaseMiB = BenchDb.queryLong(database, "select pg_database_size(current_database())") >> 20;
        long client = clients / 2;
        long message = BenchDb.queryLong(database,
                "select max(id) from text_messages where direction = 'OUTBOUND' and client_id = " + client);
        Map<String, String> pages = new LinkedHashMap<>();
        // A caseworker's search defaults to "My clients" (caseload, issue 20): show=all is the whole agency's.
        pages.put("client search, all clients (30 matches at every size)", "/clients?show=all&q=okafor");
        pages.put("client search, my clients (the default; the same 30)", "/clients?q=okafor");
        pages.put("client search Last123, all clients (1 match at 10,000 texts; more as clients grow)",
                "/clients?show=all&q=Last123");
        pages.put("client's Texts page", "/clients/" + client + "/texts");
        pages.put("Message Status", "/texts/" + message + "/status");
        pages.put("Incoming page", "/incoming");
        pages.put("My inbox", "/inbox");
        // The same client's thread (its newest 50 of 20 texts, both ways), the reader's Scheduled page (its first 50 rows: its
        // 60 waiting first), case B-1's page with its 12 appointments and their reminders, and client 1's record
        // with the upcoming ones.
        pages.put("client's conversation", "/clients/" + client + "/conversation");
        pages.put("Scheduled page", "/scheduled");
        long timedCase = BenchDb.queryLong(database, "select id from cases where case_number = 'B-1'");
        pages.put("a case's page with its appointments", "/cases/" + timedCase);
        pages.put("a client's record with its upcoming appointments", "/clients/1");
        String seeding = kept ? "kept from an earlier run (-Dbench.scale.reuse=true)"
                : "seeded in SQL (generate_series, batches of 200,000, indexes of the migrations in place, then VACUUM"
                        + " ANALYZE) in " + String.format(Locale.ROOT, "%.0f", seedSeconds) + " s, load average before"
                        + " seeding " + loadBefore;
        return new Seeded(pages, messages + " texts (10% incoming): " + clients + " clients, " + 2 * clients
                + " cases, " + events + " status events, " + pictures + " pictures' metadata, " + appointments
                + " appointments with a reminder each, " + scheduled + " scheduled texts; database "
                + databaseMiB + " MiB; " + seeding);
    }
}
