package uk.csc.workflow.casefile;

import java.time.LocalDate;

/** The case fields other features route on. */
public record CaseRecord(long id, String caseRef, long childId, String team, String worker, String profile,
                         CaseStage stage, LocalDate referralDate) {
}
