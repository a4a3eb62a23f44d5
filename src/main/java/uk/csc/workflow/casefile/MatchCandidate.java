package uk.csc.workflow.casefile;

import java.time.LocalDate;

import uk.csc.workflow.codes.CodeLabels.Coded;

/**
 * A child already known who is likely the child a new contact is about (similar names, the same
 * date of birth, no NHS number that tells them apart). Only what the worker needs to tell the two
 * apart: the known child's case history stays behind the case file's team scoping.
 *
 * @param score how alike the names are, 75 to 100
 */
public record MatchCandidate(long childId, String firstName, String lastName, LocalDate dateOfBirth, Coded sex,
                             String postcode, boolean nhsNumberKnown, int score) {
}
