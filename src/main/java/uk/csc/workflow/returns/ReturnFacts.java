package uk.csc.workflow.returns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The facts the returns are made of, read once from the case tables for a period and grouped by
 * child (children in the order of their id). Plain data: the returns and their validation are pure
 * functions of it, so a test can state the facts and work out every cell.
 */
record ReturnFacts(LocalDate from, LocalDate to, Map<Long, ChildFacts> children) {

    record Child(long id, String sex, LocalDate born, LocalDate expectedBirth, String ethnicity, String upn, String upnUnknown,
                 boolean uasc, LocalDate uascCeasedOn, Boolean mother, LocalDate motherChildBorn, List<String> disabilities) {
    }

    record Case(long id, String ref, long childId, String team, String worker, LocalDate receivedOn, LocalDate referralDate,
                String referralSource, String contactDecision, String stage, String outcome, LocalDate closedOn) {
    }

    record Episode(long id, long periodId, long caseId, LocalDate start, String rne, String legalStatus, String placement,
                   String provider, LocalDate end, String reasonCeased) {
    }

    record Review(long caseId, long periodId, LocalDate heldOn, String participation) {
    }

    record Assessment(long id, long caseId, String kind, LocalDate started, LocalDate completed, LocalDate authorised,
                      String categoryOfNeed, List<String> factors) {
    }

    record Enquiry(long id, long caseId, LocalDate strategyOn, String strategyDecision, LocalDate s47ConcludedOn,
                   String s47Outcome, LocalDate conferenceOn, String conferenceOutcome) {
    }

    record Plan(long id, String kind, String source, long caseId, LocalDate start, LocalDate end, String initialCategory, String latestCategory,
                int planNumber, int previousElsewhere, String closureReason, List<LocalDate> reviews) {
    }

    record Allocation(long caseId, String team, String worker, LocalDate on) {
    }

    record Missing(long caseId, String kind, LocalDate start, LocalDate end) {
    }

    record PreviousPermanence(long caseId, String prevPerm, String laPerm, LocalDate datePerm) {
    }

    record Adoption(long caseId, LocalDate decidedOn, LocalDate matchedOn, Boolean fosterCare, Integer adoptersNumber,
                    String adoptersSex, String adoptersLegalStatus, LocalDate noLongerOn, String noLongerReason) {
    }

    record Outcome(long caseId, int yearStart, Integer sdqScore, String sdqReason, Boolean convicted, Boolean healthCheck,
                   Boolean immunisations, Boolean teethCheck, Boolean healthAssessment, Boolean substanceMisuse,
                   Boolean interventionReceived, Boolean interventionOffered) {
    }

    record CareLeaver(long caseId, LocalDate nineteenth, String accommodation, String inTouch, String activity) {
    }

    record LegalStep(long caseId, String step, LocalDate on, String outcome) {
    }

    /** The family group decision-making offer of a legal route (s31ZA): offered, and the day the meeting was held. */
    record FamilyGroupMeeting(long caseId, LocalDate startedOn, Boolean offered, LocalDate heldOn) {
    }

    /** Everything held about one child, each list in date order. */
    static final class ChildFacts {
        Child child;
        final List<Case> cases = new ArrayList<>();
        final List<Episode> episodes = new ArrayList<>();
        final List<Review> reviews = new ArrayList<>();
        final List<Assessment> assessments = new ArrayList<>();
        final List<Enquiry> enquiries = new ArrayList<>();
        final List<Plan> plans = new ArrayList<>();
        final List<Allocation> allocations = new ArrayList<>();
        final List<Missing> missing = new ArrayList<>();
        final List<PreviousPermanence> previousPermanence = new ArrayList<>();
        final List<Adoption> adoptions = new ArrayList<>();
        final List<Outcome> outcomes = new ArrayList<>();
        final List<CareLeaver> careLeavers = new ArrayList<>();
        final List<LegalStep> legalSteps = new ArrayList<>();
        final List<FamilyGroupMeeting> familyGroupMeetings = new ArrayList<>();

        Child child() {
            return child;
        }

        /** The LA child id of the returns (CHILD, LAchildID): the child's id in this system. */
        String childId() {
            return Long.toString(child.id());
        }

        Case caseOf(long caseId) {
            return cases.stream().filter(c -> c.id() == caseId).findFirst().orElse(null);
        }

        List<Plan> plans(String kind) {
            return plans.stream().filter(p -> p.kind().equals(kind)).toList();
        }

        void sort() {
            cases.sort(Comparator.comparing(Case::id));
            episodes.sort(Comparator.comparing(Episode::start).thenComparing(Episode::id));
            reviews.sort(Comparator.comparing(Review::heldOn));
            assessments.sort(Comparator.comparing(Assessment::started).thenComparing(Assessment::id));
            enquiries.sort(Comparator.comparing(Enquiry::strategyOn).thenComparing(Enquiry::id));
            plans.sort(Comparator.comparing(Plan::start).thenComparing(Plan::id));
            allocations.sort(Comparator.comparing(Allocation::on));
            missing.sort(Comparator.comparing(Missing::start));
            legalSteps.sort(Comparator.comparing(LegalStep::on));
        }
    }

    /** Builds the facts child by child. */
    static final class Builder {
        private final Map<Long, ChildFacts> children = new TreeMap<>();

        ChildFacts of(long childId) {
            return children.computeIfAbsent(childId, id -> new ChildFacts());
        }

        ReturnFacts build(LocalDate from, LocalDate to) {
            Map<Long, ChildFacts> known = new LinkedHashMap<>();
            children.forEach((id, facts) -> {
                if (facts.child != null) {
                    facts.sort();
                    known.put(id, facts);
                }
            });
            return new ReturnFacts(from, to, known);
        }
    }
}
