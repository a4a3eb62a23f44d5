package uk.csc.workflow.casefile;

import java.time.Instant;
import java.time.LocalDate;

/** What a case page shows at a glance. */
public record CaseSummary(String caseRef, String childName, LocalDate childDateOfBirth, String team, String worker,
                          String profile, CaseStage stage, CaseOutcome outcome, boolean reReferral,
                          LocalDate referralDate, Instant openedAt, Instant closedAt, java.util.Map<String, Object> sections) {

    CaseSummary withSections(java.util.Map<String, Object> sections) {
        return new CaseSummary(caseRef, childName, childDateOfBirth, team, worker, profile, stage, outcome, reReferral,
                referralDate, openedAt, closedAt, sections);
    }
}
