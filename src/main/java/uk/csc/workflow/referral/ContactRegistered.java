package uk.csc.workflow.referral;

/**
 * @param linkedBy how the contact was linked to a known child: {@code NHS_NUMBER} or {@code CONFIRMED_MATCH}
 *                 (null for a new child)
 */
public record ContactRegistered(String caseRef, long caseId, long contactId, String team, long childId,
                                boolean linkedToExistingChild, String linkedBy, boolean reReferral, String processInstanceId) {
}
