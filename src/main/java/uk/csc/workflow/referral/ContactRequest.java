package uk.csc.workflow.referral;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

import uk.csc.workflow.platform.forms.FormValues;

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

        /**
         * What is checked and what is stored are the same values: every text trimmed (blank is
         * absent); postcode and UPN in capitals; an NHS number without its spaces.
         */
        Child normalised() {
            return new Child(FormValues.clean(firstName), FormValues.clean(lastName), dateOfBirth, expectedBirth,
                    FormValues.clean(sex), FormValues.clean(ethnicity), upper(postcode), withoutSpaces(nhsNumber),
                    withoutSpaces(upper(upn)));
        }
    }

    /** The contact as it is validated and stored (see {@link Child#normalised()}). */
    public ContactRequest normalised() {
        return new ContactRequest(child == null ? null : child.normalised(), FormValues.clean(referralSource), receivedAt,
                FormValues.clean(concerns), FormValues.clean(concernLevel), immediateRisk, dvNotification, consent,
                FormValues.clean(teamOverride));
    }

    private static String upper(String text) {
        String clean = FormValues.clean(text);
        return clean == null ? null : clean.toUpperCase(Locale.ROOT);
    }

    private static String withoutSpaces(String text) {
        String clean = FormValues.clean(text);
        return clean == null ? null : clean.replaceAll("\\s", "");
    }
}
