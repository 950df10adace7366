package org.textdesk;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.textdesk.logcheck.RequestSecretsConfiguration;

/**
 * A second instance of TextDesk in the same JVM, started like the real thing (SpringApplicationBuilder,
 * its own Tomcat on a random port) on the same PostgreSQL database as the tests' application, but
 * reaching it through a {@link TcpProxy} that a test can cut. Started once for the run, on first use.
 */
public final class SecondInstance {

    private static SecondInstance shared;

    private final ConfigurableApplicationContext context;
    private final TcpProxy proxy;

    private SecondInstance(ConfigurableApplicationContext context, TcpProxy proxy) {
        this.context = context;
        this.proxy = proxy;
    }

    /** The second instance, on the database of {@code mainDataSource} (the tests' application's). */
    public static synchronized SecondInstance shared(DataSource mainDataSource, String encryptionKey,
            String twilioApiBaseUrl) {
        if (shared == null) {
            HikariDataSource main;
            try {
                main = mainDataSource.unwrap(HikariDataSource.class);
            } catch (java.sql.SQLException notHikari) {
                throw new IllegalStateException("the tests' DataSource is not a Hikari pool", notHikari);
            }
            URI database = URI.create(main.getJdbcUrl().substring("jdbc:".length()));
            TcpProxy proxy = new TcpProxy(database.getHost(), database.getPort() < 0 ? 5432 : database.getPort());
            String proxiedUrl = "jdbc:postgresql://127.0.0.1:" + proxy.port() + database.getRawPath()
                    + (database.getRawQuery() == null ? "" : "?" + database.getRawQuery());
            // Command-line arguments outrank SPRING_DATASOURCE_* of the environment.
            ConfigurableApplicationContext context = new SpringApplicationBuilder(TextDeskApplication.class,
                    RequestSecretsConfiguration.class).run(
                    "--server.port=0",
                    "--spring.application.name=textdesk-second",
                    "--spring.datasource.url=" + proxiedUrl,
                    "--spring.datasource.username=" + main.getUsername(),
                    "--spring.datasource.password=" + (main.getPassword() == null ? "" : main.getPassword()),
                    // Fail fast while the database is away; the pool reconnects by itself when it is back.
                    "--spring.datasource.hikari.connection-timeout=1000",
                    "--spring.datasource.hikari.validation-timeout=500",
                    "--spring.datasource.hikari.maximum-pool-size=4",
                    "--spring.session.jdbc.cleanup-cron=-",
                    // As in the tests' application (IntegrationTest): tests run reconciliation when they mean to.
                    "--textdesk.reconciliation.enabled=false",
                    "--textdesk.twilio.encryption-key=" + encryptionKey,
                    "--textdesk.twilio.api-base-url=" + twilioApiBaseUrl);
            shared = new SecondInstance(context, proxy);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                context.close();
                proxy.close();
            }));
        }
        return shared;
    }

    public String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The connection between this instance and PostgreSQL. */
    public TcpProxy database() {
        return proxy;
    }
}
