package org.textdesk.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every pooled connection to PostgreSQL runs without its JIT compiler. The compiler starts when a plan's estimated
 * cost passes {@code jit_above_cost}, and estimates are not counts: "incoming and not yet read" is estimated from two
 * columns as if independent (nine tenths of all texts have no read time, the outbound ones), so at 10,000,000 texts
 * My inbox's statement was costed as if it read 900,000 rows, found 201 in 2 ms, and spent 400 ms compiling itself
 * first (src/docs/performance.md, statewide scale). The pages' statements are index lookups of a few rows, which
 * compiled code never repays.
 * An operator who sets spring.datasource.hikari.connection-init-sql keeps theirs: it then has to say {@code set
 * jit = off} too.
 */
@Component
class PostgresConnectionSettings implements BeanPostProcessor {

    static final String SETTINGS = "set jit = off";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(SETTINGS);
        }
        return bean;
    }
}
