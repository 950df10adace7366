package org.textdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.SQLException;
import java.time.Duration;
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
    void anSqlExceptionWithoutSqlstateIsAnOutageOnlyWhenThePoolSaysTheConnectionIsClosed() {
        assertThat(DatabaseFailures.unreachable(new SQLException("Connection is closed"))).isPresent();
        assertThat(DatabaseFailures.unreachable(new SQLException("Connection is closed", (String) null))).isPresent();
        assertThat(DatabaseFailures.unreachable(new SQLException("Bad value for type long"))).isEmpty();
        assertThat(DatabaseFailures.unreachable(new SQLException((String) null))).isEmpty();
        assertThat(DatabaseFailures.unreachable(new SQLException("connection is closed"))).isEmpty();
    }

    @Test
    void theSqlstateDecidesWhenThereIsOne() {
        assertThat(DatabaseFailures.unreachable(new SQLException("any words", "08006"))).isPresent();
        assertThat(DatabaseFailures.unreachable(new SQLException("any words", "08P01"))).isPresent();
        assertThat(DatabaseFailures.unreachable(new SQLException("the database system is starting up", "57P03")))
                .isPresent();
        assertThat(DatabaseFailures.unreachable(new SQLException("cannot connect now", "57P02"))).isPresent();
        assertThat(DatabaseFailures.unreachable(new SQLException("canceling statement", "57014"))).isEmpty();
        assertThat(DatabaseFailures.unreachable(new SQLException("Connection is closed", "42P01"))).isEmpty();
        assertThat(DatabaseFailures.unreachable(new SQLException("x", "57P04"))).isEmpty();
        assertThat(DatabaseFailures.unreachable(new SQLException("x", "80000"))).isEmpty();
    }

    @Test
    void theExceptionFoundIsTheOneThatSaysSo() {
        SQLException gone = new SQLException("The connection attempt failed.", "08001");
        RuntimeException wrapper = new RuntimeException("query failed", gone);
        assertThat(DatabaseFailures.unreachable(wrapper)).containsSame(gone);
        assertThat(DatabaseFailures.unreachable(null)).isEmpty();
    }

    @Test
    void aCyclicCauseChainEndsTheSearchAndTheLogLine() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(DatabaseFailures.unreachable(first)).isEmpty();
            assertThat(DatabaseFailures.describe(first)).isEqualTo("RuntimeException: first; cause: RuntimeException: second");
        });

        SQLException outage = new SQLException("terminating connection", "57P01");
        RuntimeException loopA = new RuntimeException("a");
        RuntimeException loopB = new RuntimeException("b", loopA);
        loopA.initCause(loopB);
        loopA.addSuppressed(outage);
        loopB.addSuppressed(loopA);
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThat(DatabaseFailures.unreachable(loopB)).containsSame(outage));
    }

    @Test
    void aFailureWithoutCauseOrMessageIsNamedAlone() {
        assertThat(DatabaseFailures.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
        assertThat(DatabaseFailures.describe(new SQLException("  too\t many\n\nspaces ", "08001")))
                .isEqualTo("SQLException: too many spaces ");
    }

    @Test
    void theLogLineNamesTheFailureAndItsCauseOnOneLine() {
        assertThat(DatabaseFailures.describe(new CannotCreateTransactionException("Could not open\nJPA EntityManager",
                new SQLException("The connection attempt failed.", "08001"))))
                .isEqualTo("CannotCreateTransactionException: Could not open JPA EntityManager; cause: SQLException: "
                        + "The connection attempt failed.");
    }
}
