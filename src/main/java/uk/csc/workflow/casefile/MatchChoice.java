package uk.csc.workflow.casefile;

import uk.csc.workflow.casefile.CaseFileCodes.MatchDecision;

/**
 * The worker's answer to a proposed match: {@code CONFIRM} links the contact to {@code childId};
 * {@code REJECT} records that the child is none of the proposed children ({@code childId}, if
 * given, must be one of them) and a new child is recorded.
 */
public record MatchChoice(Long childId, MatchDecision decision) {
}
