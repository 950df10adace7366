package org.textdesk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The packaged application (target/textdesk-*.jar) started as its own process, the way it runs in
 * production: {@code java -jar} with the documented environment variables.
 */
final class BenchApp implements AutoCloseable {

    static final String ADMIN_USERNAME = "benchadmin";
    static final String ADMIN_PASSWORD = "bench-admin-password-1";
    /** base64 of 32 bytes: the Auth Token's encryption key for the bench runs. */
    static final String ENCRYPTION_KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
        30, 31, 32});

    private final Process process;
    private final int port;
    private final long readyMillis;
    private final String name;

    private BenchApp(String name, Process process, int port, long readyMillis) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.readyMillis = readyMillis;
    }

    /**
     * Starts the jar on a free port.
     *
     * @param database    a PostgreSQL database name, or null for the embedded default (H2 under dataDir)
     * @param twilioApi   TEXTDESK_TWILIO_API_BASE_URL
     * @param jvmOptions  e.g. -Xmx256m
     */
    static BenchApp start(String name, String database, String twilioApi, Path dataDir, List<String> jvmOptions)
            throws IOException, InterruptedException {
        return start(name, database, twilioApi, dataDir, jvmOptions, jar());
    }

    /** As {@link #start(String, String, String, Path, List)}, from another jar (the extracted one of {@link #withCds}). */
    static BenchApp start(String name, String database, String twilioApi, Path dataDir, List<String> jvmOptions,
            Path jar) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (Boolean.getBoolean("bench.jfr")) {
            // a CPU profile of the app: jfr print --events jdk.ExecutionSample target/bench/<name>.jfr
            command.add("-XX:StartFlightRecording=filename=" + Path.of("target", "bench", name + ".jfr").toAbsolutePath()
                    + ",settings=profile");
        }
        // e.g. an async-profiler agent: -Dbench.app.jvmOptions=-agentpath:...=start,event=cpu,file=...
        String extra = System.getProperty("bench.app.jvmOptions", "").replace("{name}", name);
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        if (dataDir != null) {
            command.add("--textdesk.data-dir=" + dataDir);
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("TEXTDESK_"));
        if (database != null) {
            env.put("SPRING_DATASOURCE_URL", BenchDb.jdbcUrl(database));
            env.put("SPRING_DATASOURCE_USERNAME", BenchDb.USER);
            env.put("SPRING_DATASOURCE_PASSWORD", "");
            env.put("TEXTDESK_ENCRYPTION_KEY", ENCRYPTION_KEY);
        }
        env.put("TEXTDESK_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("TEXTDESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("TEXTDESK_TWILIO_API_BASE_URL", twilioApi);
        env.put("TEXTDESK_PUBLIC_BASE_URL", "http://localhost:" + port);
        env.put("TEXTDESK_RECONCILIATION_ENABLED", "false");
        Path log = Path.of("target", "bench", "app-" + name + ".log");
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app stopped while starting; see " + log);
            }
            // -Dbench.start.minutes: a machine loaded by others may need longer than the usual 3
            if (System.nanoTime() - started > Duration.ofMinutes(Long.getLong("bench.start.minutes", 3)).toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException("the app was not ready in time; see " + log);
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        long readyMillis = (System.nanoTime() - started) / 1_000_000;
        return new BenchApp(name, process, port, readyMillis);
    }

    /**
     * The packaged app as Spring Boot recommends running it for a quick start: extracted
     * ({@code java -Djarmode=tools -jar app.jar extract}) and with a class data sharing archive written by one
     * training start that stops after the context refreshed ({@code -XX:ArchiveClassesAtExit},
     * {@code -Dspring.context.exit=onRefresh}), so the JVM maps the classes instead of loading them. On Java 25
     * and later the training start writes an AOT cache instead ({@code -XX:AOTCacheOutput}, JEP 514): classes
     * loaded and linked, and method profiles, a second faster again.
     *
     * @return the extracted jar and the JVM option that uses the archive or cache
     */
    static Cds withCds() throws IOException, InterruptedException {
        Path dir = Path.of("target", "bench", "cds").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = jar().toAbsolutePath();
        run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
                dir.toString()), dir.resolveSibling("cds-extract.log"));
        Path extracted = dir.resolve(jar.getFileName());
        boolean aotCache = Runtime.version().feature() >= 25;
        Path archive = dir.resolve(aotCache ? "textdesk.aot" : "textdesk.jsa");
        Path trainingData = Files.createTempDirectory("textdesk-cds-training");
        run(List.of(java, (aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive,
                "-Dspring.context.exit=onRefresh", "-jar", extracted.toString(), "--server.port=0",
                "--textdesk.data-dir=" + trainingData), dir.resolveSibling("cds-training.log"));
        return new Cds(extracted, (aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
    }

    /** An extracted jar and the option that maps its class data sharing archive. */
    record Cds(Path jar, String jvmOption) {
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("TEXTDESK_"));
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + "; see " + log);
        }
    }

    static Path jar() throws IOException {
        // another build of the app, e.g. an earlier commit's, for before/after figures with the same load
        if (!System.getProperty("bench.jar", "").isBlank()) {
            return Path.of(System.getProperty("bench.jar"));
        }
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("textdesk-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no target/textdesk-*.jar: run the benchmarks with ./mvnw -Pbench verify"));
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    long readyMillis() {
        return readyMillis;
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory (VmRSS of /proc/PID/status) in MiB. */
    long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ")";
    }
}
