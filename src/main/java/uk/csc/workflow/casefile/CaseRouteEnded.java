package uk.csc.workflow.casefile;

/**
 * A route of a case ended with its outcome. Published in the ending transaction, so a feature
 * that continues the case (the panel after {@link CaseOutcome#REFERRED_TO_PANEL}) starts atomically.
 */
public record CaseRouteEnded(long caseId, String caseRef, CaseOutcome outcome) {
}
