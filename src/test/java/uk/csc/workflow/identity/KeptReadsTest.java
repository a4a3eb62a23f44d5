package uk.csc.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** An answer found is kept for its time and then asked again; nothing found is never kept. */
class KeptReadsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final KeptReads<String> reads = new KeptReads<>(TimeUnit.MINUTES.toNanos(1), now::get);
    private final List<String> asked = new ArrayList<>();

    private Optional<String> store(String key) {
        asked.add(key);
        return key.startsWith("team-") ? Optional.of("Team " + key.substring(5) + " #" + asked.size()) : Optional.empty();
    }

    @Test
    void aFoundAnswerIsKeptForAMinuteThenAskedAgain() {
        assertThat(reads.get("team-north", this::store)).contains("Team north #1");
        now.addAndGet(TimeUnit.SECONDS.toNanos(59));
        assertThat(reads.get("team-north", this::store)).as("kept").contains("Team north #1");
        assertThat(asked).hasSize(1);

        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(reads.get("team-north", this::store)).as("a minute old: asked again").contains("Team north #2");
        assertThat(asked).hasSize(2);
    }

    @Test
    void nothingFoundIsAskedAgainEveryTime() {
        assertThat(reads.get("nobody", this::store)).isEmpty();
        assertThat(reads.get("nobody", this::store)).isEmpty();
        assertThat(asked).containsExactly("nobody", "nobody");
    }

    @Test
    void eachKeyIsKeptOnItsOwn() {
        reads.get("team-north", this::store);
        reads.get("team-south", this::store);
        assertThat(reads.get("team-south", this::store)).contains("Team south #2");
        assertThat(asked).containsExactly("team-north", "team-south");
    }
}
