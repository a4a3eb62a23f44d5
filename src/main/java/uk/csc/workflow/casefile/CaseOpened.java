package uk.csc.workflow.casefile;

/**
 * @param linkedToExistingChild the contact is about a child already known
 * @param linkedBy              how: {@code NHS_NUMBER} (the same NHS number) or {@code CONFIRMED_MATCH}
 *                              (the worker confirmed a proposed match); null for a new child
 * @param reReferral            the child had a case opened within the previous 12 months
 */
public record CaseOpened(long caseId, String caseRef, long childId, boolean linkedToExistingChild, String linkedBy,
                         boolean reReferral) {
}
