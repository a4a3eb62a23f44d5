package uk.csc.workflow.referral;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import uk.csc.workflow.platform.forms.FormValues;

/**
 * A contact as received by the front door ({@code POST /api/contacts}, or the Tasklist start form).
 *
 * @param teamOverride  a team chosen by the duty worker instead of the postcode routing (optional)
 * @param matchDecision the worker's answer when the front door proposed a child already known (optional)
 */
public record ContactRequest(Child child, String referralSource, OffsetDateTime receivedAt, String concerns,
                             String concernLevel, Boolean immediateRisk, Boolean dvNotification, Boolean consent,
                             String teamOverride, MatchDecision matchDecision) {

    public ContactRequest(Child child, String referralSource, OffsetDateTime receivedAt, String concerns, String concernLevel,
                          Boolean immediateRisk, Boolean dvNotification, Boolean consent, String teamOverride) {
        this(child, referralSource, receivedAt, concerns, concernLevel, immediateRisk, dvNotification, consent, teamOverride, null);
    }

    /**
     * @param dateOfBirth   null for an unborn child, who has an {@code expectedBirth} instead
     * @param address       the child's address (optional)
     * @param firstLanguage school census language code (optional)
     * @param disabilities  CIN census disability codes (optional)
     */
    public record Child(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedBirth, String sex,
                        String ethnicity, String postcode, String nhsNumber, String upn, String address, String firstLanguage,
                        List<String> disabilities) {

        public Child(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedBirth, String sex,
                     String ethnicity, String postcode, String nhsNumber, String upn) {
            this(firstName, lastName, dateOfBirth, expectedBirth, sex, ethnicity, postcode, nhsNumber, upn, null, null, null);
        }

        /**
         * What is checked and what is stored are the same values: every text trimmed (blank is
         * absent); postcode and UPN in capitals; an NHS number without its spaces.
         */
        Child normalised() {
            return new Child(FormValues.clean(firstName), FormValues.clean(lastName), dateOfBirth, expectedBirth,
                    FormValues.clean(sex), FormValues.clean(ethnicity), upper(postcode), withoutSpaces(nhsNumber),
                    withoutSpaces(upper(upn)), FormValues.clean(address), FormValues.clean(firstLanguage), disabilities);
        }
    }

    /**
     * The answer to a proposed match: {@code CONFIRM} that the contact is about child {@code childId},
     * or {@code REJECT}: the child is none of the proposed children (a new child is recorded).
     */
    public record MatchDecision(Long childId, String decision) {
    }

    /** The contact as it is validated and stored (see {@link Child#normalised()}). */
    public ContactRequest normalised() {
        return new ContactRequest(child == null ? null : child.normalised(), FormValues.clean(referralSource), receivedAt,
                FormValues.clean(concerns), FormValues.clean(concernLevel), immediateRisk, dvNotification, consent,
                FormValues.clean(teamOverride), matchDecision);
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
