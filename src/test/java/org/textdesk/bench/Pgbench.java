package org.textdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** pgbench running the SQL of one status callback at the same concurrency. */
record Pgbench(double tps, String output, String command) {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

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
