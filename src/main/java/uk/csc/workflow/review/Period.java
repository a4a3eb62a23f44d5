package uk.csc.workflow.review;

import java.time.LocalDate;

/** A period of care: from becoming looked after to ceasing to be (one process instance). */
public record Period(long id, long caseId, long childId, LocalDate startedOn, LocalDate endedOn, String processInstanceId) {
}
