package uk.csc.workflow.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.springframework.stereotype.Component;

import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * The panel's weekly sittings, and the one rule for which sitting hears a request: the first
 * sitting whose papers have not yet closed when the request is made. Scheduling a request and
 * showing the agenda both ask {@link #sittingFor(Instant)}, so they cannot disagree.
 */
@Component
public class PanelSittings {

    private final PanelProperties properties;
    private final StatutoryTimescales timescales;

    PanelSittings(PanelProperties properties, StatutoryTimescales timescales) {
        this.properties = properties;
        this.timescales = timescales;
    }

    /**
     * The sitting that hears a request made at {@code requestedAt}. A request made on a sitting
     * day before the papers close is heard that day; after they close, at the next sitting. A
     * sitting whose weekly day is a bank holiday moves to the next working day.
     */
    public LocalDate sittingFor(Instant requestedAt) {
        LocalDate day = requestedAt.atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate();
        // Start from this week's sitting: a sitting moved by a bank holiday may still be ahead.
        LocalDate weekly = day.with(TemporalAdjusters.previousOrSame(properties.sittingDay()));
        while (true) {
            LocalDate sitting = movedPastBankHoliday(weekly);
            if (papersCloseAt(sitting).isAfter(requestedAt)) {
                return sitting;
            }
            weekly = weekly.plusWeeks(1);
        }
    }

    public Instant startsAt(LocalDate sittingOn) {
        return sittingOn.atTime(properties.sittingTime()).atZone(StatutoryTimescales.STATUTORY_ZONE).toInstant();
    }

    /** After this instant a new request waits for the following sitting. */
    public Instant papersCloseAt(LocalDate sittingOn) {
        return startsAt(sittingOn).minus(properties.papersCloseBeforeSitting());
    }

    private LocalDate movedPastBankHoliday(LocalDate weekly) {
        var calendar = timescales.calendar();
        return calendar.isWorkingDay(weekly) ? weekly : calendar.plusWorkingDays(weekly, 1);
    }
}
