package org.textdesk.system;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database this instance runs on, asked once of the connection: PostgreSQL in production, H2 on the
 * embedded default. The webhooks' busiest writes are single PostgreSQL statements (data-modifying WITH),
 * which H2 does not have; there they take the portable path.
 */
@Component
public class DatabaseProduct {

    private final boolean postgres;

    DatabaseProduct(JdbcTemplate jdbc) {
        String product = jdbc.execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName());
        this.postgres = "PostgreSQL".equals(product);
    }

    public boolean isPostgres() {
        return postgres;
    }
}
