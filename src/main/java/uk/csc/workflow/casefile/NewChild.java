package uk.csc.workflow.casefile;

import java.time.LocalDate;
import java.util.List;

/**
 * A child as a contact describes them; {@code dateOfBirth} is null for an unborn child.
 * {@code address}, {@code firstLanguage} and {@code disabilities} are optional (codes of the LANGUAGE
 * and DISABILITY lists).
 */
public record NewChild(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedBirth,
                       String sex, String ethnicity, String postcode, String nhsNumber, String upn, String address,
                       String firstLanguage, List<String> disabilities) {

    public NewChild {
        disabilities = disabilities == null ? List.of() : List.copyOf(disabilities);
    }

    public NewChild(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedBirth, String sex,
                    String ethnicity, String postcode, String nhsNumber, String upn) {
        this(firstName, lastName, dateOfBirth, expectedBirth, sex, ethnicity, postcode, nhsNumber, upn, null, null, List.of());
    }
}
