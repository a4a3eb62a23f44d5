package uk.csc.workflow.casefile;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The case rows a transaction has read, so that it reads each once. A completion asked for its
 * case three or four times (the listener's team check by reference, the service's record, the next
 * task's stage), each a round trip. What is kept belongs to the transaction and goes with it;
 * any write to a case through {@link CaseRepository} (the one writer of {@code care_case}) forgets
 * everything kept, so a read after a write sees the write. Outside a transaction nothing is kept.
 */
final class CaseRowsReadInTransaction {

    private CaseRowsReadInTransaction() {
    }

    static <T> Optional<T> read(String key, Class<T> type, Supplier<Optional<T>> query) {
        Map<String, Object> rows = rows(true);
        if (rows == null) {
            return query.get();
        }
        Object kept = rows.get(key);
        if (type.isInstance(kept)) {
            return Optional.of(type.cast(kept));
        }
        Optional<T> found = query.get();
        found.ifPresent(row -> rows.put(key, row));
        return found;
    }

    /** A row read under one key, kept under another too (a case read by reference is the case of its id). */
    static void alsoAs(String key, Object row) {
        Map<String, Object> rows = rows(true);
        if (rows != null) {
            rows.put(key, row);
        }
    }

    static void forget() {
        Map<String, Object> rows = rows(false);
        if (rows != null) {
            rows.clear();
        }
    }

    /**
     * The rows live in a synchronization of the current transaction, not in a resource bound to the
     * thread: Spring drops a transaction's synchronizations when it ends (and sets them aside for a
     * transaction started inside it), so nothing kept can outlive it or leak into the next one.
     */
    private static Map<String, Object> rows(boolean create) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Rows kept) {
                return kept.rows;
            }
        }
        if (!create) {
            return null;
        }
        Rows kept = new Rows();
        TransactionSynchronizationManager.registerSynchronization(kept);
        return kept.rows;
    }

    private static final class Rows implements TransactionSynchronization {
        private final Map<String, Object> rows = new HashMap<>();
    }
}
