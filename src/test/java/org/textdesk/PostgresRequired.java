package org.textdesk;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Tests run against real PostgreSQL only: SPRING_DATASOURCE_URL when set, else a Testcontainers
 * PostgreSQL when Docker runs. With neither, every test fails at once with the same one message.
 */
public class PostgresRequired implements BeforeAllCallback {

    static final String NO_POSTGRES = """
            TextDesk's tests need PostgreSQL, and none was found. Either
              1. set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD \
            to an empty PostgreSQL database (bash .ci/run creates one and does this for you), or
              2. start a Docker engine, so that Testcontainers can run a PostgreSQL container.""";

    private static Boolean available;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!isAvailable()) {
            throw new IllegalStateException(NO_POSTGRES);
        }
    }

    static synchronized boolean isAvailable() {
        if (available == null) {
            available = externalDatabaseGiven() || DockerClientFactory.instance().isDockerAvailable();
        }
        return available;
    }

    static boolean externalDatabaseGiven() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        return url != null && !url.isBlank();
    }
}
