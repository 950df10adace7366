package org.textdesk.staff;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.textdesk.system.DatabaseProduct;

@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /**
     * Two requests of one session at once (two tabs, a double click) that both add the same attribute, such as
     * the flash message of a redirect, both insert it: Spring Session's plain INSERT then fails the second with
     * a duplicate key, a 500 after the work was done. An upsert keeps the last one, as a single request would.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesUpserted(DatabaseProduct database) {
        if (database.isPostgres()) {
            return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        }
        return repository -> repository.setCreateSessionAttributeQuery("""
                merge into %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
                key (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) values (?, ?, ?)""");
    }

    /**
     * The session's reads and writes (two per request) are plain JDBC: run in JDBC transactions, not in the
     * application's JPA transaction manager, which opened a Hibernate session for each (README "Performance").
     */
    @Bean(defaultCandidate = false) // only where asked for by its qualifier: the app's own stays the JPA one
    @SpringSessionTransactionManager
    PlatformTransactionManager springSessionTransactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }
}
