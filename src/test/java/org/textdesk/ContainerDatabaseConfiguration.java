package org.textdesk;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Without SPRING_DATASOURCE_URL, one PostgreSQL container for the whole run (shared by every cached context). */
@TestConfiguration(proxyBeanMethods = false)
class ContainerDatabaseConfiguration {

    private static PostgreSQLContainer container;

    @Bean
    @ServiceConnection
    @ConditionalOnExpression("'${SPRING_DATASOURCE_URL:}'.isBlank()")
    PostgreSQLContainer postgresContainer() {
        return sharedContainer();
    }

    private static synchronized PostgreSQLContainer sharedContainer() {
        if (container == null) {
            container = new PostgreSQLContainer("postgres:15-alpine");
        }
        return container;
    }
}
