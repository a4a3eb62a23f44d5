package uk.csc.workflow.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.springframework.stereotype.Component;

import uk.csc.workflow.timescales.StatutoryClock;

/** When the panel next sits. */
@Component
public class PanelSittings {

    private final PanelProperties properties;
    private final StatutoryClock clock;

    PanelSittings(PanelProperties properties, StatutoryClock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** The first sitting after {@code day}; a sitting that falls on a bank holiday moves to the next working day. */
    public LocalDate nextAfter(LocalDate day) {
        LocalDate weekly = day.with(TemporalAdjusters.next(properties.sittingDay()));
        return clock.calendar().isWorkingDay(weekly) ? weekly : clock.calendar().plusWorkingDays(weekly, 1);
    }

    public Instant startsAt(LocalDate sittingOn) {
        return sittingOn.atTime(properties.sittingTime()).atZone(StatutoryClock.STATUTORY_ZONE).toInstant();
    }
}
