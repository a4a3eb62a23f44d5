package uk.csc.workflow.casefile;

/** A case moved to another team ({@link CaseFileService#reassignTeam}); listeners move what follows the case. */
public record CaseTeamChanged(long caseId, String caseRef, String from, String to, String changedBy) {
}
