package uk.csc.workflow.referral;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A contact as received by the front door ({@code POST /api/contacts}, or the Tasklist start form).
 *
 * @param teamOverride a team chosen by the duty worker instead of the postcode routing (optional)
 */
public record ContactRequest(Child child, String referralSource, OffsetDateTime receivedAt, String concerns,
                             String concernLevel, Boolean immediateRisk, Boolean dvNotification, Boolean consent,
                             String teamOverride) {

    /** @param dateOfBirth null for an unborn child, who has an {@code expectedBirth} instead */
    public record Child(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedBirth, String sex,
                        String ethnicity, String postcode, String nhsNumber, String upn) {
    }
}
