package uk.csc.workflow.casefile;

import java.time.LocalDate;

/** A child as a contact describes them; {@code dateOfBirth} is null for an unborn child. */
public record NewChild(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedBirth,
                       String sex, String ethnicity, String postcode, String nhsNumber, String upn) {
}
