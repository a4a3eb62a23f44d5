package uk.csc.workflow.casefile;

/**
 * @param linkedToExistingChild the child matched an existing record (same names and date of birth)
 * @param reReferral            the child had a case opened within the previous 12 months
 */
public record CaseOpened(long caseId, String caseRef, long childId, boolean linkedToExistingChild,
                         boolean reReferral) {
}
