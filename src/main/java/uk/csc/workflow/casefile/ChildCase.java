package uk.csc.workflow.casefile;

import java.time.Instant;
import java.time.LocalDate;

/** One of a child's cases, as their history shows it. */
public record ChildCase(CaseRecord record, CaseOutcome outcome, boolean reReferral, LocalDate receivedOn, Instant openedAt,
                        Instant closedAt) {

    public boolean open() {
        return closedAt == null;
    }
}
