package uk.csc.workflow.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import uk.csc.workflow.casefile.CaseFileCodes.Disability;
import uk.csc.workflow.casefile.CaseFileCodes.Language;
import uk.csc.workflow.casefile.CaseFileCodes.MatchDecision;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.platform.web.FieldProblem;
import uk.csc.workflow.referral.ReferralCodes.ConcernLevel;

/** Checks a contact field by field; every problem is reported, nothing is stored on any. */
final class ContactValidator {

    private static final Pattern POSTCODE = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$");
    private static final Pattern UPN = Pattern.compile("^[A-Z][0-9]{11}[0-9A-Z]$");

    private ContactValidator() {
    }

    static List<FieldProblem> problems(ContactRequest contact, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        var child = contact.child();
        if (child == null) {
            problems.add(new FieldProblem("child", "is required"));
        } else {
            requireText(problems, "child.firstName", child.firstName(), 100);
            requireText(problems, "child.lastName", child.lastName(), 100);
            if (child.dateOfBirth() == null && child.expectedBirth() == null) {
                problems.add(new FieldProblem("child.dateOfBirth", "is required (or expectedBirth for an unborn child)"));
            }
            if (child.dateOfBirth() != null && child.dateOfBirth().isAfter(today)) {
                problems.add(new FieldProblem("child.dateOfBirth", "cannot be in the future"));
            }
            if (child.dateOfBirth() != null && child.dateOfBirth().isBefore(today.minusYears(18))) {
                problems.add(new FieldProblem("child.dateOfBirth", "the person is 18 or over: refer to adult services"));
            }
            if (child.dateOfBirth() == null && child.expectedBirth() != null && child.expectedBirth().isBefore(today.minusDays(1))) {
                problems.add(new FieldProblem("child.expectedBirth", "is in the past: record the date of birth"));
            }
            requireCode(problems, "child.sex", child.sex(), Codes.SEXES);
            requireCode(problems, "child.ethnicity", child.ethnicity(), Codes.ETHNICITIES);
            if (child.postcode() == null || !POSTCODE.matcher(child.postcode().strip().toUpperCase(Locale.ROOT)).matches()) {
                problems.add(new FieldProblem("child.postcode", "must be a UK postcode, e.g. B23 6AB"));
            }
            if (notBlank(child.nhsNumber()) && !NhsNumber.isValid(child.nhsNumber().replace(" ", ""))) {
                problems.add(new FieldProblem("child.nhsNumber", "is not a valid NHS number (10 digits with a correct check digit)"));
            }
            if (notBlank(child.upn()) && !UPN.matcher(child.upn().strip().toUpperCase(Locale.ROOT)).matches()) {
                problems.add(new FieldProblem("child.upn", "is not a valid Unique Pupil Number (13 characters)"));
            }
            if (child.address() != null && child.address().length() > 300) {
                problems.add(new FieldProblem("child.address", "must be at most 300 characters"));
            }
            if (notBlank(child.firstLanguage()) && !isCode(Language.class, child.firstLanguage())) {
                problems.add(new FieldProblem("child.firstLanguage", "must be one of " + List.of(Language.values())));
            }
            if (child.disabilities() != null) {
                for (String code : child.disabilities()) {
                    if (!isCode(Disability.class, code)) {
                        problems.add(new FieldProblem("child.disabilities", "'" + code + "' is not one of " + List.of(Disability.values())));
                    }
                }
                if (child.disabilities().contains(Disability.NONE.name()) && child.disabilities().size() > 1) {
                    problems.add(new FieldProblem("child.disabilities", "NONE (no disability) cannot be given with a disability"));
                }
            }
        }
        requireCode(problems, "referralSource", contact.referralSource(), Codes.REFERRAL_SOURCES);
        if (contact.receivedAt() == null) {
            problems.add(new FieldProblem("receivedAt", "is required"));
        }
        requireText(problems, "concerns", contact.concerns(), 4000);
        if (contact.concernLevel() == null || !isConcernLevel(contact.concernLevel())) {
            problems.add(new FieldProblem("concernLevel", "must be one of " + List.of(ConcernLevel.values())));
        }
        if (contact.dvNotification() == null) {
            problems.add(new FieldProblem("dvNotification", "is required (true for a police domestic abuse notification)"));
        }
        if (contact.consent() == null) {
            problems.add(new FieldProblem("consent", "is required"));
        }
        if (notBlank(contact.teamOverride()) && !Groups.TEAMS.contains(contact.teamOverride())) {
            problems.add(new FieldProblem("teamOverride", "must be one of " + Groups.TEAMS));
        }
        if (contact.matchDecision() != null && !isCode(MatchDecision.class, contact.matchDecision().decision())) {
            problems.add(new FieldProblem("matchDecision.decision", "must be one of " + List.of(MatchDecision.values())));
        }
        return problems;
    }

    private static <E extends Enum<E>> boolean isCode(Class<E> type, String value) {
        return value != null && java.util.Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(value));
    }

    private static boolean isConcernLevel(String value) {
        return List.of(ConcernLevel.values()).stream().anyMatch(l -> l.name().equals(value));
    }

    private static void requireText(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }

    private static void requireCode(List<FieldProblem> problems, String field, String value, java.util.Set<String> codes) {
        if (value == null || !codes.contains(value)) {
            problems.add(new FieldProblem(field, "must be one of " + new java.util.TreeSet<>(codes)));
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
