package org.textdesk.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises "the database cannot be reached" among the exceptions Spring, Hibernate, Hikari and the
 * JDBC driver throw (anywhere in the cause chain): no connection could be had, or it broke. Not a
 * wrong query, not a constraint: those are bugs or rules and keep their own answers.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** The exception in the chain that says the database is unreachable, if any. */
    public static Optional<Throwable> unreachable(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            if (isUnreachable(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static boolean isUnreachable(Throwable t) {
        if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                || t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        // SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or starting.
        return t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"));
    }

    /** One line for the log: the kind of failure and the driver's words, without a stack trace. */
    public static String describe(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        return deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
    }
}
