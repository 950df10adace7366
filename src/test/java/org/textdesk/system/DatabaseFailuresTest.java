package org.textdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database cannot be reached" (503), and which are something else (a rule, a bug). */
class DatabaseFailuresTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreRecognised() {
        assertThat(DatabaseFailures.unreachable(new CannotCreateTransactionException("no EntityManager"))).isPresent();
        assertThat(DatabaseFailures.unreachable(new CannotGetJdbcConnectionException("no connection"))).isPresent();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("wrapped",
                new DataAccessResourceFailureException("I/O error")))).isPresent();
        assertThat(DatabaseFailures.unreachable(new JDBCConnectionException("gone", new SQLException("gone")))).isPresent();
        assertThat(DatabaseFailures.unreachable(new RuntimeException(
                new SQLTransientConnectionException("Connection is not available, request timed out")))).isPresent();
        assertThat(DatabaseFailures.unreachable(new SQLException("The connection attempt failed.", "08001"))).isPresent();
        assertThat(DatabaseFailures.unreachable(new SQLException("terminating connection", "57P01"))).isPresent();
        // A rollback that fails because the pool had already closed the broken connection.
        assertThat(DatabaseFailures.unreachable(new JpaSystemException(new RuntimeException("Unable to rollback",
                new SQLException("Connection is closed"))))).isPresent();
        RuntimeException withSuppressed = new RuntimeException("other");
        withSuppressed.addSuppressed(new CannotGetJdbcConnectionException("no connection"));
        assertThat(DatabaseFailures.unreachable(withSuppressed)).isPresent();
    }

    @Test
    void rulesAndBugsAreNotMistakenForAnOutage() {
        assertThat(DatabaseFailures.unreachable(new DataIntegrityViolationException("duplicate key"))).isEmpty();
        assertThat(DatabaseFailures.unreachable(new SQLException("duplicate key value", "23505"))).isEmpty();
        assertThat(DatabaseFailures.unreachable(new SQLException("syntax error", "42601"))).isEmpty();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("a bug"))).isEmpty();
    }

    @Test
    void theLogLineNamesTheFailureAndItsCauseOnOneLine() {
        assertThat(DatabaseFailures.describe(new CannotCreateTransactionException("Could not open\nJPA EntityManager",
                new SQLException("The connection attempt failed.", "08001"))))
                .isEqualTo("CannotCreateTransactionException: Could not open JPA EntityManager; cause: SQLException: "
                        + "The connection attempt failed.");
    }
}
