package uk.csc.workflow.platform.cluster;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What kind of database failure an exception is, from its whole cause chain: a lost race with
 * another transaction (worth retrying at once) or the database out of reach (worth retrying
 * shortly). SQL states: class 08 connection exceptions, 57P01-57P03 the server shutting down or
 * starting (and a commit or rollback that failed, or a connection the pool already closed as
 * broken), 40001 serialization failure, 40P01 deadlock, 23505 a duplicate key (a racing node
 * inserted the same row first: our inserts check before they insert).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Another transaction changed the same rows first: the engine's optimistic locking, a deadlock, a duplicate key. */
    public static boolean isConflict(Throwable failure) {
        return any(failure, t -> t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException
                || t instanceof DuplicateKeyException
                || t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())
                || "23505".equals(sql.getSQLState())));
    }

    /** The database cannot be reached or is restarting: the request may succeed shortly. */
    public static boolean isUnavailable(Throwable failure) {
        return any(failure, t -> t instanceof CannotCreateTransactionException || t instanceof CannotGetJdbcConnectionException
                || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                // The rollback after a lost connection fails too and takes the first failure's place.
                || t instanceof TransactionSystemException
                // Hikari's answer for a connection it already closed as broken (no SQL state).
                || t instanceof SQLException closed && closed.getSQLState() == null && "Connection is closed".equals(closed.getMessage())
                || t instanceof java.net.ConnectException
                || t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")));
    }

    /** Worth running again soon. */
    public static boolean isTransient(Throwable failure) {
        return isConflict(failure) || isUnavailable(failure);
    }

    private static boolean any(Throwable failure, java.util.function.Predicate<Throwable> test) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = next(t)) {
            if (test.test(t)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && test.test(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        return t.getCause();
    }
}
