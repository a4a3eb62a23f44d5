package uk.csc.workflow.returns;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeYears;
import uk.csc.workflow.codes.CollectionYear;
import uk.csc.workflow.returns.ReturnFacts.Case;
import uk.csc.workflow.returns.ReturnFacts.ChildFacts;
import uk.csc.workflow.returns.ReturnFacts.Episode;

/**
 * The project's own checks of a return against the DfE's published validation rules that the data
 * it holds can break, so a performance officer fixes the record at its source before submission.
 * A rule id is the DfE's where the rule is the DfE's (as numbered in the public validators
 * csc-validator-be-903 and csc-validator-be-cin), otherwise {@code CSC-…} for the project's own
 * reading of the specification. ERROR blocks a clean return; QUERY asks for a look (the DfE's
 * queries, and facts this system does not yet capture everywhere).
 */
final class ReturnValidation {

    enum Severity { ERROR, QUERY }

    /** One problem: which child (and case), which rule, which field, in plain English. */
    record Problem(String ret, String child, String caseRef, String rule, String field, String message, Severity severity) {
    }

    /** What each rule checks, for the report and the README. */
    static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("101", "SSDA903 SEX is 1 (male) or 2 (female)"),
            Map.entry("102", "SSDA903 date of birth is recorded"),
            Map.entry("103", "SSDA903 ETHNIC is a DfE ethnicity code"),
            Map.entry("356", "SSDA903 an episode does not cease before it started"),
            Map.entry("501", "SSDA903 a new episode does not start before the previous one ended (no overlap)"),
            Map.entry("440", "SSDA903 PN0 only for a child under 4 at the review"),
            Map.entry("441", "SSDA903 PN1-PN7 only for a child aged 4 or more at the review"),
            Map.entry("CSC-903-DOB", "SSDA903 no episode starts before the child was born"),
            Map.entry("CSC-903-SEQ", "SSDA903 the episodes of a period of care follow on the same day, the first with RNE S and only it"),
            Map.entry("CSC-903-X1", "SSDA903 REC X1 only when a new episode starts the same day; the last episode of a period does not end X1"),
            Map.entry("CSC-903-REVIEW", "SSDA903 a review is held while the child is looked after"),
            Map.entry("CSC-903-INTERVAL", "SSDA903 reviews within 20 working days, 3 months, then 6 months (regulation 33) [query]"),
            Map.entry("CSC-903-CODE-YEAR", "SSDA903 a code is valid for the collection year (codes/code-years.txt)"),
            Map.entry("CSC-903-CIN", "SSDA903 CIN (category of need) is recorded for each episode"),
            Map.entry("CSC-903-REC", "SSDA903 an episode that ceased has its reason (REC)"),
            Map.entry("CSC-903-FUTURE", "SSDA903 no date after today"),
            Map.entry("CSC-903-MISSING", "SSDA903 a missing episode ends after it starts, within a period of care"),
            Map.entry("CSC-903-UASC", "SSDA903 DUC is not before the date of birth"),
            Map.entry("CSC-903-PREVPERM", "SSDA903 previous permanence recorded for a child starting care [query]"),
            Map.entry("CSC-CIN-DOB", "CIN a referral, assessment, s47 or plan is not before the child's date of birth"),
            Map.entry("CSC-CIN-REFERRAL", "CIN assessments, s47 enquiries and plans do not start before the referral date"),
            Map.entry("CSC-CIN-ASSESSMENT", "CIN an assessment is not authorised before it started"),
            Map.entry("CSC-CIN-CPP-S47", "CIN a child protection plan (from an initial conference) follows a section 47 enquiry and an initial conference"),
            Map.entry("CSC-CIN-CPP-OVERLAP", "CIN a child has at most one child protection plan at a time"),
            Map.entry("CSC-CIN-NEED", "CIN PrimaryNeedCode is recorded unless the referral closed with no further action"),
            Map.entry("CSC-CIN-SOURCE", "CIN ReferralSource is recorded"),
            Map.entry("CSC-CIN-FACTOR-YEAR", "CIN an assessment factor is valid for the collection year"),
            Map.entry("CSC-CIN-FUTURE", "CIN no date after today"),
            Map.entry("CSC-ANNEXA-WORKER", "Annex A a child on a list has an allocated worker [query]"));

    private ReturnValidation() {
    }

    static List<Problem> ssda903(ReturnFacts facts, CollectionYear year, LocalDate today,
                                 UnaryOperator<LocalDate> firstReviewDue) {
        List<Problem> out = new ArrayList<>();
        LocalDate start = year.start();
        LocalDate end = year.end();
        for (ChildFacts f : facts.children().values()) {
            List<Episode> inYear = f.episodes.stream()
                    .filter(e -> !e.start().isAfter(end) && (e.end() == null || !e.end().isBefore(start))).toList();
            if (inYear.isEmpty()) {
                continue;
            }
            String child = f.childId();
            LocalDate born = f.child().born();
            Adder add = (caseId, rule, field, message, severity) -> out.add(new Problem("ssda903", child, ref(f, caseId), rule, field,
                    message, severity));
            long anyCase = inYear.get(0).caseId();
            if (Ssda903Return.sex(f.child().sex()).isEmpty()) {
                add.add(anyCase, "101", "SEX", "The child's sex is not recorded as male or female (the return takes 1 or 2).", Severity.ERROR);
            }
            if (born == null) {
                add.add(anyCase, "102", "DOB", "The child's date of birth is not recorded.", Severity.ERROR);
            }
            if (!CodeLabels.hasLabel(CodeLabels.ETHNICITY, f.child().ethnicity())) {
                add.add(anyCase, "103", "ETHNIC", "'" + f.child().ethnicity() + "' is not a DfE ethnicity code.", Severity.ERROR);
            }
            if (f.child().uasc() && born != null && f.child().uascCeasedOn() != null && f.child().uascCeasedOn().isBefore(born)) {
                add.add(anyCase, "CSC-903-UASC", "DUC", "The date UASC status ceased (" + f.child().uascCeasedOn()
                        + ") is before the child was born.", Severity.ERROR);
            }
            Episode previous = null;
            for (Episode e : f.episodes) {
                boolean reported = inYear.contains(e);
                if (reported) {
                    if (e.end() != null && e.end().isBefore(e.start())) {
                        add.add(e.caseId(), "356", "DEC", "The episode starting " + e.start() + " ceased on " + e.end() + ", before it started.",
                                Severity.ERROR);
                    }
                    if (born != null && e.start().isBefore(born)) {
                        add.add(e.caseId(), "CSC-903-DOB", "DECOM", "The episode starts on " + e.start() + ", before the child was born ("
                                + born + ").", Severity.ERROR);
                    }
                    if (e.start().isAfter(today) || (e.end() != null && e.end().isAfter(today))) {
                        add.add(e.caseId(), "CSC-903-FUTURE", e.start().isAfter(today) ? "DECOM" : "DEC",
                                "The episode starting " + e.start() + " has a date after today.", Severity.ERROR);
                    }
                    CodeYears.refusal(CodeLabels.PLACEMENT_TYPE, e.placement(), end).ifPresent(why -> add.add(e.caseId(),
                            "CSC-903-CODE-YEAR", "PLACE", "The episode starting " + e.start() + " has placement type " + why
                                    + (year.contains(e.start()) ? "." : "; record a new episode with a current code."),
                            year.contains(e.start()) ? Severity.ERROR : Severity.QUERY));
                    if (e.end() != null && !e.end().isAfter(end) && (e.reasonCeased() == null || e.reasonCeased().isBlank())) {
                        add.add(e.caseId(), "CSC-903-REC", "REC", "The episode starting " + e.start() + " ceased on " + e.end()
                                + " with no reason (REC).", Severity.ERROR);
                    }
                    if (Ssda903Return.categoryOfNeed(f, e).isEmpty()) {
                        add.add(e.caseId(), "CSC-903-CIN", "CIN", "No category of need is recorded for the episode starting " + e.start()
                                + " (record it at the child's assessment).", Severity.ERROR);
                    }
                }
                if (previous != null && (reported || inYear.contains(previous))) {
                    boolean samePeriod = previous.periodId() == e.periodId();
                    if (previous.end() == null || e.start().isBefore(previous.end())) {
                        add.add(e.caseId(), "501", "DECOM", "The episode starting " + e.start() + " starts before the previous episode ended ("
                                + (previous.end() == null ? "it has not ended" : previous.end()) + "): episodes overlap.", Severity.ERROR);
                    } else if (samePeriod && !e.start().equals(previous.end())) {
                        add.add(e.caseId(), "CSC-903-SEQ", "DECOM", "The episode starting " + e.start()
                                + " does not follow the previous episode of the period of care, which ended on " + previous.end() + ".",
                                Severity.ERROR);
                    }
                    if (samePeriod && "S".equals(e.rne())) {
                        add.add(e.caseId(), "CSC-903-SEQ", "RNE", "The episode starting " + e.start()
                                + " continues a period of care but has RNE S (started to be looked after).", Severity.ERROR);
                    }
                    if (!samePeriod && !"S".equals(e.rne())) {
                        add.add(e.caseId(), "CSC-903-SEQ", "RNE", "The first episode of the period of care starting " + e.start()
                                + " has RNE " + e.rne() + ", not S.", Severity.ERROR);
                    }
                    if (samePeriod && !"X1".equals(previous.reasonCeased())) {
                        add.add(previous.caseId(), "CSC-903-X1", "REC", "The episode ending " + previous.end()
                                + " is followed by another in the same period of care, so its REC is X1, not " + previous.reasonCeased() + ".",
                                Severity.ERROR);
                    }
                    if (!samePeriod && "X1".equals(previous.reasonCeased())) {
                        add.add(previous.caseId(), "CSC-903-X1", "REC", "The last episode of a period of care (ending " + previous.end()
                                + ") has REC X1: give the reason the child ceased to be looked after.", Severity.ERROR);
                    }
                } else if (previous == null && reported && !"S".equals(e.rne())) {
                    add.add(e.caseId(), "CSC-903-SEQ", "RNE", "The child's first episode (starting " + e.start() + ") has RNE " + e.rne()
                            + ", not S.", Severity.ERROR);
                }
                previous = e;
            }
            reviews(f, year, today, add, firstReviewDue);
            for (ReturnFacts.Missing m : f.missing) {
                if (m.start().isAfter(end) || (m.end() != null && m.end().isBefore(start))) {
                    continue;
                }
                if (m.end() != null && m.end().isBefore(m.start())) {
                    add.add(m.caseId(), "CSC-903-MISSING", "MIS_END", "The missing episode starting " + m.start() + " ends before it starts.",
                            Severity.ERROR);
                }
                if (!lookedAfterOn(f, m.start())) {
                    add.add(m.caseId(), "CSC-903-MISSING", "MIS_START", "The missing episode starting " + m.start()
                            + " is not within a period of care.", Severity.ERROR);
                }
            }
            boolean startedInYear = inYear.stream().anyMatch(e -> "S".equals(e.rne()) && year.contains(e.start()));
            if (startedInYear && f.previousPermanence.isEmpty()) {
                add.add(inYear.get(0).caseId(), "CSC-903-PREVPERM", "PREV_PERM", "The child started to be looked after in the year and no "
                        + "previous permanence is recorded (Z1 if there was none or it is not known).", Severity.QUERY);
            }
        }
        return out;
    }

    private static void reviews(ChildFacts f, CollectionYear year, LocalDate today, Adder add, UnaryOperator<LocalDate> firstReviewDue) {
        LocalDate born = f.child().born();
        ReturnFacts.Review previous = null;
        for (ReturnFacts.Review r : f.reviews) {
            boolean inYear = year.contains(r.heldOn());
            List<Episode> period = f.episodes.stream().filter(e -> e.periodId() == r.periodId()).toList();
            if (inYear && !period.isEmpty()) {
                LocalDate began = period.get(0).start();
                Episode last = period.get(period.size() - 1);
                if (r.heldOn().isBefore(began) || (last.end() != null && !"X1".equals(last.reasonCeased()) && r.heldOn().isAfter(last.end()))) {
                    add.add(r.caseId(), "CSC-903-REVIEW", "REVIEW", "The review held on " + r.heldOn() + " is outside the period of care ("
                            + began + " to " + (last.end() == null ? "now" : last.end()) + ").", Severity.ERROR);
                }
                if (r.heldOn().isAfter(today)) {
                    add.add(r.caseId(), "CSC-903-FUTURE", "REVIEW", "The review is dated " + r.heldOn() + ", after today.", Severity.ERROR);
                }
                if (born != null && r.participation() != null) {
                    boolean under4 = Period.between(born, r.heldOn()).getYears() < 4;
                    if ("PN0".equals(r.participation()) && !under4) {
                        add.add(r.caseId(), "440", "REVIEW_CODE", "The review on " + r.heldOn() + " is coded PN0 (under 4), but the child was "
                                + Period.between(born, r.heldOn()).getYears() + ".", Severity.ERROR);
                    } else if (!"PN0".equals(r.participation()) && under4) {
                        add.add(r.caseId(), "441", "REVIEW_CODE", "The review on " + r.heldOn() + " is coded " + r.participation()
                                + ", but the child was under 4: use PN0.", Severity.ERROR);
                    }
                }
                LocalDate due = previous == null || previous.periodId() != r.periodId() ? firstReviewDue.apply(began)
                        : previous.heldOn().plusMonths(isSecond(f, r) ? 3 : 6);
                if (r.heldOn().isAfter(due)) {
                    add.add(r.caseId(), "CSC-903-INTERVAL", "REVIEW", "The review on " + r.heldOn() + " was due by " + due + ".",
                            Severity.QUERY);
                }
            }
            previous = r;
        }
    }

    private static boolean isSecond(ChildFacts f, ReturnFacts.Review r) {
        return f.reviews.stream().filter(x -> x.periodId() == r.periodId()).toList().indexOf(r) == 1;
    }

    private static boolean lookedAfterOn(ChildFacts f, LocalDate day) {
        return f.episodes.stream().anyMatch(e -> !e.start().isAfter(day) && (e.end() == null || !e.end().isBefore(day)));
    }

    static List<Problem> cinCensus(ReturnFacts facts, CollectionYear year, LocalDate today) {
        List<Problem> out = new ArrayList<>();
        LocalDate end = year.end();
        for (ChildFacts f : facts.children().values()) {
            List<Case> episodes = CinCensusReturn.episodes(f, year);
            if (episodes.isEmpty()) {
                continue;
            }
            LocalDate born = f.child().born();
            String child = f.childId();
            for (Case e : episodes) {
                Adder add = (caseId, rule, field, message, severity) -> out.add(new Problem("cin-census", child, e.ref(), rule, field,
                        message, severity));
                List<ReturnFacts.Assessment> assessments = f.assessments.stream().filter(a -> a.caseId() == e.id()
                        && !a.started().isAfter(end)).toList();
                if (born != null && e.referralDate().isBefore(born)) {
                    add.add(e.id(), "CSC-CIN-DOB", "CINreferralDate", "The referral date " + e.referralDate() + " is before the child was born ("
                            + born + ").", Severity.ERROR);
                }
                if (e.referralSource() == null) {
                    add.add(e.id(), "CSC-CIN-SOURCE", "ReferralSource", "The referral has no source of referral.", Severity.ERROR);
                }
                if (e.referralDate().isAfter(today)) {
                    add.add(e.id(), "CSC-CIN-FUTURE", "CINreferralDate", "The referral is dated " + e.referralDate() + ", after today.",
                            Severity.ERROR);
                }
                if (CinCensusReturn.primaryNeed(assessments) == null && !CinCensusReturn.referralNfa(e, assessments)
                        && assessments.stream().anyMatch(a -> a.authorised() != null && !a.authorised().isAfter(end))) {
                    add.add(e.id(), "CSC-CIN-NEED", "PrimaryNeedCode", "No category of need is recorded at the child's authorised assessment.",
                            Severity.ERROR);
                }
                for (ReturnFacts.Assessment a : assessments) {
                    if (a.started().isBefore(e.referralDate())) {
                        add.add(e.id(), "CSC-CIN-REFERRAL", "AssessmentActualStartDate", "The " + a.kind().toLowerCase()
                                + " assessment started on " + a.started() + ", before the referral date " + e.referralDate() + ".",
                                Severity.ERROR);
                    }
                    if (a.authorised() != null && a.authorised().isBefore(a.started())) {
                        add.add(e.id(), "CSC-CIN-ASSESSMENT", "AssessmentAuthorisationDate", "The assessment starting " + a.started()
                                + " was authorised on " + a.authorised() + ", before it started.", Severity.ERROR);
                    }
                    for (String factor : a.factors()) {
                        CodeYears.refusal("ASSESSMENT_FACTOR", factor, end).ifPresent(why -> add.add(e.id(), "CSC-CIN-FACTOR-YEAR",
                                "AssessmentFactors", "Assessment factor " + why + ".", Severity.ERROR));
                    }
                }
                List<ReturnFacts.Enquiry> s47 = f.enquiries.stream().filter(q -> q.caseId() == e.id()
                        && "START_S47".equals(q.strategyDecision())).toList();
                for (ReturnFacts.Enquiry q : s47) {
                    if (q.strategyOn().isBefore(e.referralDate())) {
                        add.add(e.id(), "CSC-CIN-REFERRAL", "S47ActualStartDate", "The section 47 enquiry started on " + q.strategyOn()
                                + ", before the referral date " + e.referralDate() + ".", Severity.ERROR);
                    }
                }
                for (ReturnFacts.Plan p : f.plans) {
                    if (p.caseId() != e.id() || p.start().isAfter(end)) {
                        continue;
                    }
                    String field = p.kind().equals("CP") ? "CPPstartDate" : "CINPlanStartDate";
                    if (born != null && p.start().isBefore(born)) {
                        add.add(e.id(), "CSC-CIN-DOB", field, "The plan starts on " + p.start() + ", before the child was born.", Severity.ERROR);
                    }
                    if (p.start().isBefore(e.referralDate()) && !"TRANSFER_IN".equals(p.source())) {
                        add.add(e.id(), "CSC-CIN-REFERRAL", field, "The plan starts on " + p.start() + ", before the referral date "
                                + e.referralDate() + ".", Severity.ERROR);
                    }
                    if (p.kind().equals("CP") && !"TRANSFER_IN".equals(p.source())) {
                        boolean conference = s47.stream().anyMatch(q -> q.conferenceOn() != null && !q.conferenceOn().isAfter(p.start())
                                && "CP_PLAN".equals(q.conferenceOutcome()));
                        if (!conference) {
                            add.add(e.id(), "CSC-CIN-CPP-S47", "CPPstartDate", "The child protection plan starting " + p.start()
                                    + " has no section 47 enquiry with an initial conference that decided a plan before it.", Severity.ERROR);
                        }
                    }
                    if (p.kind().equals("CP")) {
                        for (ReturnFacts.Plan other : f.plans(("CP"))) {
                            if (other.id() != p.id() && other.start().isBefore(p.start())
                                    && (other.end() == null || other.end().isAfter(p.start()))) {
                                add.add(e.id(), "CSC-CIN-CPP-OVERLAP", "CPPstartDate", "The child protection plan starting " + p.start()
                                        + " overlaps the plan that started on " + other.start() + ".", Severity.ERROR);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String ref(ChildFacts f, long caseId) {
        Case c = f.caseOf(caseId);
        return c == null ? null : c.ref();
    }

    @FunctionalInterface
    private interface Adder {
        void add(long caseId, String rule, String field, String message, Severity severity);
    }
}
