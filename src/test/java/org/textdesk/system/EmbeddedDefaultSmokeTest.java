package org.textdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.textdesk.TextDeskApplication;
import org.textdesk.inbox.IncomingTexts;
import org.textdesk.status.StatusReports;

/**
 * The one test allowed on H2: {@code ./mvnw spring-boot:run} with no database configured boots on the
 * embedded default, runs the same migrations, serves the login page to a demo account, and shows the
 * demo clients, their search, a client record, the demo Twilio Setup and the Quick Entry messages.
 */
class EmbeddedDefaultSmokeTest {

    private static final Path DATA_DIR = Path.of("target", "embedded-default-smoke").toAbsolutePath();

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void bootsWithNoDatasourceConfiguredAndLetsTheDemoAdminLogIn(CapturedOutput log) throws Exception {
        deleteRecursively(DATA_DIR);
        long started = System.nanoTime();
        // Command-line arguments outrank SPRING_DATASOURCE_* in CI's environment: back to the default.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TextDeskApplication.class).run(
                "--server.port=0",
                "--textdesk.data-dir=" + DATA_DIR,
                "--spring.datasource.url=${textdesk.embedded-database-url}",
                "--spring.datasource.username=textdesk",
                "--spring.datasource.password=textdesk",
                "--textdesk.twilio.encryption-key=")) {
            long readyMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("Embedded default: context ready in %d ms%n", readyMillis);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://localhost:" + port;

            // Once ready, one block in the log tells a newcomer where the app is, how to log in, and about the sandbox.
            assertThat(log.getOut()).contains("TextDesk is ready at " + base + "/",
                    "casey / textdesk-casey", "admin / textdesk-admin",
                    "Twilio sandbox is ON: texts go to the simulated phone, not to real phones.");

            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(loginPage.statusCode()).isEqualTo(200);
            assertThat(loginPage.body()).contains("Log in to TextDesk");

            // A failed login is counted in login_failures (migration V7) on H2 as on PostgreSQL.
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=wrong-password&_csrf="
                            + csrfToken(loginPage.body()))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?error"));
            loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login?error")).build(),
                    HttpResponse.BodyHandlers.ofString());

            String form = "username=admin&password=" + URLEncoder.encode("textdesk-admin", StandardCharsets.UTF_8)
                    + "&_csrf=" + csrfToken(loginPage.body());
            HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(loggedIn.statusCode()).isEqualTo(302);
            assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).doesNotContain("error"));
            assertThat(Files.exists(DATA_DIR.resolve("textdesk.mv.db"))).isTrue();

            // The demo clients, the search and the client record run on H2 as on PostgreSQL.
            String clients = get(http, base + "/clients?q=" + URLEncoder.encode("(770) 555-0188",
                    StandardCharsets.UTF_8));
            assertThat(clients).contains("Lopez, Luis", "Lopez, Maria").doesNotContain("Avery, Jordan");
            String seedCase = get(http, base + "/clients?q=16e-20010101");
            assertThat(seedCase).contains("Avery, Jordan").doesNotContain("Lopez");
            Matcher record = Pattern.compile("href=\"(/clients/\\d+)\">Avery, Jordan").matcher(seedCase);
            assertThat(record.find()).isTrue();
            String jordan = get(http, base + record.group(1));
            assertThat(jordan).contains("538-7319", "16E-20010101", "Casey Worker", "Send Text");

            // Without TEXTDESK_ENCRYPTION_KEY the embedded default keeps its own key, readable by its owner only.
            Path keyFile = DATA_DIR.resolve("encryption.key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            String twilioSetup = get(http, base + "/admin/twilio");
            // Twilio Setup starts enabled against the built-in sandbox, on the app's own address, and says so.
            assertThat(twilioSetup).contains("Sorry. We don&#39;t respond to texts.", "ACfeedfacefeedfacefeedfacefeedface",
                    "value=\"" + base + "/twilio/status\"", "checked=\"checked\"",
                    "The built-in Twilio sandbox is on", "Sandbox: texts go to the simulated phone, not to real phones");
            assertThat(get(http, base + "/admin/quick-entries")).contains(
                    "Please contact our office as soon as possible regarding case {case_number}.",
                    "You have an upcoming meeting. Please make sure you bring your ID and any letters you received.",
                    "You missed your appointment. Please contact our office to set a new time.");
            // Languages (migration V17) on H2: Maria prefers Spanish, and her Send Text form offers it first.
            assertThat(get(http, base + "/admin/languages")).contains("<td>English</td>", "<td>Spanish</td>");
            Matcher maria = Pattern.compile("href=\"(/clients/\\d+)\">Lopez, Maria").matcher(clients);
            assertThat(maria.find()).isTrue();
            assertThat(get(http, base + maria.group(1))).contains("<dd class=\"client-language\">Spanish</dd>");
            assertThat(get(http, base + maria.group(1) + "/texts/new")).containsSubsequence(
                    "<optgroup label=\"Spanish (the client&#39;s language)\">",
                    "Tiene una cita. Traiga su identificación y las cartas que recibió.",
                    "<optgroup label=\"English\">");

            // The demo texts: Texts, Message Status, Incoming and the case export run on H2 as on PostgreSQL.
            assertThat(get(http, base + "/clients")).contains("1 unread", "Last text did not get through");
            assertThat(jordan).contains("1 unread text from this client");
            String jordansTexts = get(http, base + record.group(1) + "/texts");
            assertThat(jordansTexts).contains("Please remember that you are to bring your rental agreement",
                    "From the client", "OK. Can we meet at 3 instead?", "delivered");
            assertThat(get(http, base + record.group(1))).doesNotContain("unread text from this client");
            // The conversation and My inbox read per-person read state (MERGE and row comparisons on H2).
            assertThat(get(http, base + record.group(1) + "/conversation")).contains("OK. Can we meet at 3 instead?")
                    .doesNotContain(">New<");
            assertThat(get(http, base + "/inbox")).contains("nav-my-inbox");
            Matcher text = Pattern.compile("href=\"(/texts/\\d+)\"").matcher(jordansTexts);
            assertThat(text.find()).isTrue();
            assertThat(get(http, base + text.group(1))).contains("Message Status", "Delivery should never be assumed");
            assertThat(get(http, base + text.group(1) + "/status")).contains("id=\"message-status\"");
            assertThat(get(http, base + "/incoming")).contains("Unknown number", "This is Maria.");
            Matcher seedCaseLink = Pattern.compile("href=\"(/cases/\\d+)\">16E-20010101").matcher(jordan);
            assertThat(seedCaseLink.find()).isTrue();
            // The demo appointment and its reminder (appointments, V23) on H2 as on PostgreSQL.
            assertThat(get(http, base + seedCaseLink.group(1))).contains("Main office, 100 Peachtree St",
                    "1 day before at 10:00 AM", "Planned");
            assertThat(get(http, base + "/admin/reminders")).contains("1 day before at 10:00 AM: Standard reminder");
            assertThat(get(http, base + seedCaseLink.group(1) + "/texts")).contains("3 works. See you then.");
            assertThat(get(http, base + seedCaseLink.group(1) + "/texts.csv")).contains("3 works. See you then.");
            assertThat(get(http, base + seedCaseLink.group(1) + "/texts/print")).contains("queued", "delivered");

            // A newcomer's first text: sent through the sandbox and delivered within seconds, its status callbacks
            // posted by the scheduler on H2.
            String sendForm = get(http, base + record.group(1) + "/texts/new");
            Matcher sendKey = Pattern.compile("name=\"sendKey\"[^>]*value=\"([^\"]+)\"").matcher(sendForm);
            assertThat(sendKey.find()).isTrue();
            HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base + record.group(1) + "/texts"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("body=Hello+from+the+sandbox&sendKey=" + sendKey.group(1)
                            + "&_csrf=" + csrfToken(sendForm))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).isEqualTo(302);
            String sentText = sent.headers().firstValue("Location").orElseThrow();
            long deliveredBy = System.nanoTime() + 20_000_000_000L;
            while (!get(http, sentText.startsWith("http") ? sentText + "/status" : base + sentText + "/status")
                    .contains(">delivered<")) {
                assertThat(System.nanoTime()).as("delivered within 20 s").isLessThan(deliveredBy);
                Thread.sleep(250);
            }

            // Status reports take the transactional path on H2 (PostgreSQL's one statement is PostgreSQL's own).
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            StatusReports statusReports = app.getBean(StatusReports.class);
            String sid = jdbc.queryForObject("select max(twilio_sid) from text_messages where direction = 'OUTBOUND'",
                    String.class);
            long eventsBefore = jdbc.queryForObject("select count(*) from message_status_events", Long.class);
            assertThat(statusReports.recordStatusReport(sid, "carrier-held", null, null))
                    .isEqualTo(StatusReports.Outcome.RECORDED);
            assertThat(statusReports.recordStatusReport(sid, "carrier-held", null, null))
                    .isEqualTo(StatusReports.Outcome.REPEATED);
            assertThat(statusReports.recordStatusReport("SM" + "0".repeat(32), "delivered", null, null))
                    .isEqualTo(StatusReports.Outcome.KEPT_EARLY);
            assertThat(jdbc.queryForObject("select count(*) from early_status_reports", Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from message_status_events", Long.class))
                    .isEqualTo(eventsBefore + 1);
            // Incoming texts too: stored once and linked to the client with the number.
            IncomingTexts incomingTexts = app.getBean(IncomingTexts.class);
            String incomingSid = "SM" + "f".repeat(32);
            for (int post = 0; post < 2; post++) {
                assertThat(incomingTexts.receive(incomingSid, "+14045387319", "+14044764365", "Smoke test text", null))
                        .isEqualTo(IncomingTexts.Reply.TEXT_RESPONSE);
            }
            assertThat(jdbc.queryForObject("""
                    select count(*) from client_texts ct join text_messages m on m.id = ct.text_message_id
                    where m.twilio_sid = ?""", Long.class, incomingSid)).isEqualTo(1);
        }
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static String csrfToken(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("the login form carries a CSRF token").isTrue();
        return matcher.group(1);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
