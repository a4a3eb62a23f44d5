package uk.csc.workflow.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import uk.csc.workflow.casefile.CaseFileCodes.Disability;
import uk.csc.workflow.casefile.CaseFileCodes.Language;
import uk.csc.workflow.casefile.CaseFileCodes.MatchDecision;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.platform.forms.DateBound;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.web.FieldProblem;
import uk.csc.workflow.referral.ReferralCodes.ConcernLevel;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * Checks a normalised contact ({@link ContactRequest#normalised()}) field by field with the
 * shared rules of {@link FormValues}; every problem is reported, nothing is stored on any.
 */
final class ContactValidator {

    private static final Pattern POSTCODE = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$");
    private static final Pattern UPN = Pattern.compile("^[A-Z][0-9]{11}[0-9A-Z]$");
    /** An expected birth is at most this far ahead (a pregnancy lasts at most about 42 weeks). */
    static final int EXPECTED_BIRTH_MONTHS_AHEAD = 10;

    private ContactValidator() {
    }

    static List<FieldProblem> problems(ContactRequest contact, Instant now) {
        LocalDate today = now.atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate();
        FormValues form = new FormValues(values(contact));
        var child = contact.child();
        LocalDate born = null;
        LocalDate expected = null;
        if (child == null) {
            form.problem("child", "is required");
        } else {
            form.text("child.firstName", 100);
            form.text("child.lastName", 100);
            born = form.optionalPastDate("child.dateOfBirth", today);
            expected = form.optionalDate("child.expectedBirth");
            if (child.dateOfBirth() == null && child.expectedBirth() == null) {
                form.problem("child.dateOfBirth", "is required (or expectedBirth for an unborn child)");
            }
            if (born != null && born.isBefore(today.minusYears(18))) {
                form.problem("child.dateOfBirth", "the person is 18 or over: refer to adult services");
            }
            if (expected != null) {
                if (expected.isBefore(today.minusDays(1))) {
                    form.problem("child.expectedBirth", "is in the past: record the date of birth");
                } else if (expected.isAfter(today.plusMonths(EXPECTED_BIRTH_MONTHS_AHEAD))) {
                    form.problem("child.expectedBirth", "cannot be more than " + EXPECTED_BIRTH_MONTHS_AHEAD + " months ahead");
                }
            }
            form.oneOf("child.sex", Codes.SEXES);
            form.oneOf("child.ethnicity", Codes.ETHNICITIES);
            String postcode = form.text("child.postcode", 8);
            if (postcode != null && !POSTCODE.matcher(postcode).matches()) {
                form.problem("child.postcode", "must be a UK postcode, e.g. B23 6AB");
            }
            String nhs = form.optionalText("child.nhsNumber", 10);
            if (nhs != null && !NhsNumber.isValid(nhs)) {
                form.problem("child.nhsNumber", "is not a valid NHS number (10 digits with a correct check digit)");
            }
            String upn = form.optionalText("child.upn", 13);
            if (upn != null && !UPN.matcher(upn).matches()) {
                form.problem("child.upn", "is not a valid Unique Pupil Number (13 characters)");
            }
            if (child.address() != null && child.address().length() > 300) {
                form.problem("child.address", "must be at most 300 characters");
            }
            if (child.firstLanguage() != null && !isCode(Language.class, child.firstLanguage())) {
                form.problem("child.firstLanguage", "must be one of " + List.of(Language.values()));
            }
            if (child.disabilities() != null) {
                for (String code : child.disabilities()) {
                    if (!isCode(Disability.class, code)) {
                        form.problem("child.disabilities", "'" + code + "' is not one of " + List.of(Disability.values()));
                    }
                }
                if (child.disabilities().contains(Disability.NONE.name()) && child.disabilities().size() > 1) {
                    form.problem("child.disabilities", "NONE (no disability) cannot be given with a disability");
                }
            }
        }
        form.oneOf("referralSource", Codes.REFERRAL_SOURCES);
        receivedAt(form, contact, now, born, child != null && child.dateOfBirth() == null ? expected : null);
        form.text("concerns", 4000);
        form.code("concernLevel", ConcernLevel.class);
        if (contact.dvNotification() == null) {
            form.problem("dvNotification", "is required (true for a police domestic abuse notification)");
        }
        if (contact.consent() == null) {
            form.problem("consent", "is required");
        }
        String team = form.optionalText("teamOverride", 64);
        if (team != null && !Groups.TEAMS.contains(team)) {
            form.problem("teamOverride", "must be one of " + Groups.TEAMS);
        }
        if (contact.matchDecision() != null && !isCode(MatchDecision.class, contact.matchDecision().decision())) {
            form.problem("matchDecision.decision", "must be one of " + List.of(MatchDecision.values()));
        }
        return form.problems();
    }

    private static <E extends Enum<E>> boolean isCode(Class<E> type, String value) {
        return value != null && java.util.Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(value));
    }

    /** Received now or earlier, not before the child was born, nor a year before an unborn child is due. */
    private static void receivedAt(FormValues form, ContactRequest contact, Instant now, LocalDate born, LocalDate expected) {
        if (contact.receivedAt() == null) {
            form.problem("receivedAt", "is required");
            return;
        }
        Instant received = contact.receivedAt().toInstant();
        if (received.isAfter(now)) {
            form.problem("receivedAt", "cannot be in the future");
            return;
        }
        if (received.isBefore(FormValues.EARLIEST.atStartOfDay(StatutoryTimescales.STATUTORY_ZONE).toInstant())) {
            form.problem("receivedAt", "must be on or after " + FormValues.EARLIEST);
            return;
        }
        LocalDate receivedOn = received.atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate();
        form.notBefore("receivedAt", receivedOn, born == null ? null : new DateBound(born, "the child's date of birth"));
        if (expected != null) {
            form.notBefore("receivedAt", receivedOn, new DateBound(expected.minusYears(1), "a year before the expected birth"));
        }
    }

    private static Map<String, Object> values(ContactRequest contact) {
        Map<String, Object> values = new HashMap<>();
        var child = contact.child();
        if (child != null) {
            values.put("child.firstName", child.firstName());
            values.put("child.lastName", child.lastName());
            values.put("child.dateOfBirth", child.dateOfBirth());
            values.put("child.expectedBirth", child.expectedBirth());
            values.put("child.sex", child.sex());
            values.put("child.ethnicity", child.ethnicity());
            values.put("child.postcode", child.postcode());
            values.put("child.nhsNumber", child.nhsNumber());
            values.put("child.upn", child.upn());
        }
        values.put("referralSource", contact.referralSource());
        values.put("concerns", contact.concerns());
        values.put("concernLevel", contact.concernLevel());
        values.put("teamOverride", contact.teamOverride());
        return values;
    }
}
