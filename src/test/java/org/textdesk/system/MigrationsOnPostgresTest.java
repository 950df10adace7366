package org.textdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.textdesk.IntegrationTest;

class MigrationsOnPostgresTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @Test
    void theContextRunsOnPostgresql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void flywayAppliedEveryMigrationAndHibernateValidatedTheSchema() throws IOException {
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        int migrationFiles = resources.getResources("classpath:db/migration/V*__*.sql").length
                + resources.getResources("classpath:db/vendor/postgresql/V*__*.sql").length;
        Integer applied = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where success and version is not null", Integer.class);
        assertThat(migrationFiles).isPositive();
        assertThat(applied).isEqualTo(migrationFiles);
        assertThat(context.getEnvironment().getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
    }

    @Test
    void demoAccountsAreOnlyForTheEmbeddedDefault() {
        assertThat(context.getBeanNamesForType(ApplicationRunner.class))
                .doesNotContain("demoStaffAccounts", "twilioDemoSetup", "quickEntryDemoData");
    }
}
