package uk.csc.workflow.identity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Answers from the user store kept for a short while: a team's name, a team's practitioners.
 * These change when an administrator edits a team in Admin, rarely, while every case file and
 * every allocation asks for them. An answer found is kept for {@code keptNanos}; nothing found
 * (an unknown id, a team with nobody in it yet) is asked again each time, so a team or worker
 * added in Admin shows at once and made-up ids cannot fill the map.
 *
 * <p>Only for what staff are shown. A decision (who may be allocated, who may see a case) asks
 * the user store itself.
 */
final class KeptReads<V> {

    private final long keptNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Kept<V>> kept = new ConcurrentHashMap<>();

    KeptReads(long keptNanos, LongSupplier nanoTime) {
        this.keptNanos = keptNanos;
        this.nanoTime = nanoTime;
    }

    Optional<V> get(String key, Function<String, Optional<V>> read) {
        Kept<V> known = kept.get(key);
        long now = nanoTime.getAsLong();
        if (known != null && now - known.readAt() < keptNanos) {
            return Optional.of(known.value());
        }
        Optional<V> found = read.apply(key);
        if (found.isPresent()) {
            kept.put(key, new Kept<>(found.get(), now));
        } else {
            kept.remove(key);
        }
        return found;
    }

    private record Kept<V>(V value, long readAt) {
    }
}
