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

    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private DatabaseFailures() {
    }

    /** The exception in the chain (causes and suppressed ones) that says the database is unreachable, if any. */
    public static Optional<Throwable> unreachable(Throwable thrown) {
        return find(thrown, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Optional<Throwable> find(Throwable thrown, Set<Throwable> seen) {
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            if (isUnreachable(t)) {
                return Optional.of(t);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                Optional<Throwable> found = find(suppressed, seen);
                if (found.isPresent()) {
                    return found;
                }
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
        if (!(t instanceof SQLException sql)) {
            return false;
        }
        // SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or starting.
        if (sql.getSQLState() != null) {
            return sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]");
        }
        // HikariCP's answer to any use of a connection it already closed because it broke (no SQLSTATE).
        return HIKARI_CLOSED_CONNECTION.equals(sql.getMessage());
    }

    /** One line for the log: what failed and the driver's words at the bottom of it, without a stack trace. */
    public static String describe(Throwable failure) {
        // A cause chain can loop (a -> b -> a); the deepest is then the last one before it repeats.
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable deepest = failure;
        seen.add(deepest);
        while (deepest.getCause() != null && seen.add(deepest.getCause())) {
            deepest = deepest.getCause();
        }
        String line = words(failure) + (deepest == failure ? "" : "; cause: " + words(deepest));
        return line.replaceAll("\\s+", " ");
    }

    private static String words(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
