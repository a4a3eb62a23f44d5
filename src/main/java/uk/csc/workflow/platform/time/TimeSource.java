package uk.csc.workflow.platform.time;

import java.time.Instant;
import java.time.LocalDate;

import uk.csc.workflow.timescales.StatutoryClock;

/**
 * The current time, as the process engine sees it, so case records, deadlines and timers agree
 * (tests move the engine's clock to run a case through months of statutory time).
 */
public interface TimeSource {

    Instant now();

    /** Today in England. */
    default LocalDate today() {
        return now().atZone(StatutoryClock.STATUTORY_ZONE).toLocalDate();
    }
}
