package uk.csc.workflow.platform.time;

import java.time.Instant;
import java.time.LocalDate;

import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * The one source of "now" and "today" for main code (an architecture test forbids
 * {@code Instant.now()} and the like elsewhere). It is the process engine's clock, so case
 * records, deadlines and timers agree; tests pin it, and only the history replay moves it.
 */
public interface TimeSource {

    Instant now();

    /** Today in England. */
    default LocalDate today() {
        return now().atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate();
    }
}
