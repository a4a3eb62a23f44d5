package uk.csc.workflow.referral;

public record ContactRegistered(String caseRef, long caseId, long contactId, String team, boolean linkedToExistingChild,
                                boolean reReferral, String processInstanceId) {
}
