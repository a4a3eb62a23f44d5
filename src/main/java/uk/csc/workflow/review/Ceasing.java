package uk.csc.workflow.review;

import java.time.LocalDate;

import uk.csc.workflow.platform.forms.FormValues;

/** The end of a period of care: the date and the SSDA903 reason (REC). */
public record Ceasing(LocalDate ceasedOn, String reason) {

    /** The reason trimmed, as it is checked and stored. */
    public Ceasing normalised() {
        return new Ceasing(ceasedOn, FormValues.clean(reason));
    }
}
