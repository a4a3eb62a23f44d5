package uk.csc.workflow.input;

import static uk.csc.workflow.escalation.StatutoryEscalationModel.Tasks.ACKNOWLEDGE_ESCALATION;
import static uk.csc.workflow.escalation.StatutoryEscalationModel.Tasks.RESOLVE_ESCALATION;
import static uk.csc.workflow.panel.ReceptionIntoCarePanelModel.Tasks.*;
import static uk.csc.workflow.referral.ReferralToAssessmentModel.Tasks.*;
import static uk.csc.workflow.review.LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW;
import static uk.csc.workflow.review.LookedAfterReviewsModel.Tasks.HOLD_REVIEW;
import static uk.csc.workflow.review.LookedAfterReviewsModel.Tasks.RECORD_VISIT;
import static uk.csc.workflow.review.LookedAfterReviewsModel.Tasks.SIGN_OFF_REVIEW;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.plans.ChildInNeedPlanModel;
import uk.csc.workflow.plans.ChildProtectionPlanModel;
import uk.csc.workflow.plans.FamilyHelpPlanModel;
import uk.csc.workflow.plans.process.PlanStarts;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.MultiAgencyChildProtectionSetting;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.review.LookedAfterReviewsModel;
import uk.csc.workflow.support.NhsNumbers;
import uk.csc.workflow.support.TestTime;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.GuidanceProfileSetting;

/**
 * Routes through every user task of every model, as the process tests drive them (the same
 * drivers), each step with the user who may complete it and values the task accepts. Between
 * the steps a route may need the engine moved on: the panel sits, an invitation timer or a
 * statutory deadline fires. Used by the bad-input suite (which refuses bad values at each step
 * before completing it) and the engine history test (which completes each step with marked values).
 */
@Component
public class Journeys {

    /** One user task on the way: who completes it, with what, and what must happen after it. */
    public record Step(String task, String form, String user, Map<String, Object> valid, Consumer<Journey> after) {
    }

    /** A route under way: its case and the steps in order. */
    public static final class Journey {
        final String name;
        final List<Step> steps;
        final Consumer<Journey> start;
        ContactRegistered contact;

        Journey(String name, Consumer<Journey> start, List<Step> steps) {
            this.name = name;
            this.start = start;
            this.steps = steps;
        }

        public String name() {
            return name;
        }

        public List<Step> steps() {
            return steps;
        }

        public String caseRef() {
            return contact.caseRef();
        }

        public ContactRegistered contact() {
            return contact;
        }
    }

    /** The form each task shows (camunda:formRef), for the fields the suite generates bad values from. */
    static final Map<String, String> FORMS = Map.ofEntries(
            Map.entry(POLICE_CONTRIBUTION, "mashContribution"), Map.entry(HEALTH_CONTRIBUTION, "mashContribution"),
            Map.entry(SOCIAL_CARE_CONTRIBUTION, "mashContribution"), Map.entry(JOINT_SCREENING_DECISION, "mashScreeningDecision"),
            Map.entry(RECORD_REFERRAL_DECISION, "referralDecision"), Map.entry(ALLOCATE_WORKER, "allocateWorker"),
            Map.entry(COMPLETE_INITIAL_ASSESSMENT, "completeAssessment"), Map.entry(AUTHORISE_INITIAL_ASSESSMENT, "authoriseInitialAssessment"),
            Map.entry(COMPLETE_CORE_ASSESSMENT, "completeAssessment"), Map.entry(AUTHORISE_CORE_ASSESSMENT, "authoriseCoreAssessment"),
            Map.entry(COMPLETE_SINGLE_ASSESSMENT, "completeAssessment"), Map.entry(AUTHORISE_SINGLE_ASSESSMENT, "authoriseSingleAssessment"),
            Map.entry(HOLD_STRATEGY_DISCUSSION, "strategyDiscussion"), Map.entry(COMPLETE_S47_ENQUIRY, "s47Enquiry"),
            Map.entry(HOLD_INITIAL_CONFERENCE, "initialConference"), Map.entry(PREPARE_REQUEST, "prepareRequest"),
            Map.entry(ENDORSE_REQUEST, "endorseRequest"), Map.entry(RECORD_EMERGENCY_PLACEMENT, "recordPlacement"),
            Map.entry(RECORD_PANEL_DECISION, "recordPanelDecision"), Map.entry(PROVIDE_MORE_INFORMATION, "provideMoreInformation"),
            Map.entry(RECORD_PLACEMENT, "recordPlacement"), Map.entry(APPROVE_RESIDENTIAL_PLACEMENT, "approveResidentialPlacement"),
            Map.entry(COMPLETE_CARE_PLAN, "completeCarePlan"), Map.entry(RECORD_HEALTH_ASSESSMENT, "recordHealthAssessment"),
            Map.entry(SEND_PLACEMENT_NOTICE, "sendPlacementNotice"), Map.entry(HOLD_LEGAL_PLANNING_MEETING, "holdLegalPlanningMeeting"),
            Map.entry(SEND_LETTER_BEFORE_PROCEEDINGS, "sendLetterBeforeProceedings"),
            Map.entry(RECORD_FAMILY_GROUP_ANSWER, "recordFamilyGroupAnswer"),
            Map.entry(ChildProtectionPlanModel.Tasks.HOLD_CORE_GROUP_MEETING, "holdCoreGroupMeeting"),
            Map.entry(ChildProtectionPlanModel.Tasks.RECORD_VISIT, "recordChildProtectionVisit"),
            Map.entry(ChildProtectionPlanModel.Tasks.HOLD_REVIEW_CONFERENCE, "holdReviewConference"),
            Map.entry(ChildInNeedPlanModel.Tasks.AGREE_PLAN, "agreeChildInNeedPlan"),
            Map.entry(ChildInNeedPlanModel.Tasks.RECORD_VISIT, "recordChildInNeedVisit"),
            Map.entry(ChildInNeedPlanModel.Tasks.HOLD_REVIEW, "holdChildInNeedReview"),
            Map.entry(FamilyHelpPlanModel.Tasks.AGREE_PLAN, "agreeFamilyHelpPlan"),
            Map.entry(FamilyHelpPlanModel.Tasks.RECORD_VISIT, "recordFamilyHelpVisit"),
            Map.entry(FamilyHelpPlanModel.Tasks.HOLD_REVIEW, "holdFamilyHelpReview"), Map.entry(HOLD_FAMILY_GROUP_MEETING, "holdFamilyGroupMeeting"),
            Map.entry(HOLD_PRE_PROCEEDINGS_MEETING, "holdPreProceedingsMeeting"), Map.entry(CONCLUDE_PROCEEDINGS, "concludeProceedings"),
            Map.entry(ARRANGE_REVIEW, "arrangeReview"), Map.entry(HOLD_REVIEW, "holdReview"), Map.entry(SIGN_OFF_REVIEW, "signOffReview"),
            Map.entry(RECORD_VISIT, "recordVisit"), Map.entry(ACKNOWLEDGE_ESCALATION, "acknowledgeEscalation"),
            Map.entry(RESOLVE_ESCALATION, "resolveEscalation"),
            Map.entry(POLICE_STRATEGY_CONTRIBUTION, "strategyContribution"), Map.entry(HEALTH_STRATEGY_CONTRIBUTION, "strategyContribution"),
            Map.entry(EDUCATION_STRATEGY_CONTRIBUTION, "strategyContribution"), Map.entry(LEAD_STRATEGY_DISCUSSION, "strategyDiscussion"),
            Map.entry(POLICE_S47_CONTRIBUTION, "s47Contribution"), Map.entry(HEALTH_S47_CONTRIBUTION, "s47Contribution"),
            Map.entry(EDUCATION_S47_CONTRIBUTION, "s47Contribution"));

    static final String MANAGER = "manager.north";
    static final String WORKER = "worker.north";

    private final ReferralDriver drive;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final GuidanceProfileSetting profiles;
    private final MultiAgencyChildProtectionSetting multiAgency;
    private final PlanStarts planStarts;

    Journeys(ReferralDriver drive, TaskService tasks, RuntimeService runtime, GuidanceProfileSetting profiles,
             MultiAgencyChildProtectionSetting multiAgency, PlanStarts planStarts) {
        this.multiAgency = multiAgency;
        this.planStarts = planStarts;
        this.drive = drive;
        this.tasks = tasks;
        this.runtime = runtime;
        this.profiles = profiles;
    }

    // ---- the values each task accepts -----------------------------------------------------------

    private static String today() {
        return TestTime.today().toString();
    }

    static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }

    static Map<String, Object> assessment(String recommendation) {
        return values("childSeenOn", today(), "completedOn", today(), "categoryOfNeed", "N1",
                "summary", "Analysis of the child's needs and the risks", "recommendation", recommendation);
    }

    /** The initial assessment's authorisation form has no transfer criteria; the core and single assessments' do. */
    static Map<String, Object> authorisation(String outcome) {
        return values("assessmentOutcome", outcome, "outcomeReason", "Agreed with the worker's analysis");
    }

    static Map<String, Object> authorisationWithCriteria(String outcome) {
        Map<String, Object> values = authorisation(outcome);
        values.put("transferCriteria", "Long-term needs");
        return values;
    }

    static Map<String, Object> request(String proposal) {
        return values("requestReason", "Parents unable to keep the child safe", "proposal", proposal,
                "riskSummary", "Neglect", "familyOptions", "Grandmother assessed: not able to care");
    }

    static Map<String, Object> decision(String decision, Object... more) {
        Map<String, Object> values = values("panelDecision", decision, "decisionReasons", "Threshold and welfare analysis",
                "attendees", "Panel chair, service manager, legal adviser", "conditions", "Contact with the mother weekly");
        values.putAll(values(more));
        return values;
    }

    static Map<String, Object> placement(String legalStatus, String type, String provider) {
        return values("placementStartOn", today(), "legalStatus", legalStatus, "placementType", type,
                "placementProvider", provider, "preferenceReason", "No family or friends carer able to care now");
    }

    private static Step step(String task, String user, Map<String, Object> valid) {
        return new Step(task, FORMS.get(task), user, valid, j -> { });
    }

    private static Step step(String task, String user, Map<String, Object> valid, Consumer<Journey> after) {
        return new Step(task, FORMS.get(task), user, valid, after);
    }

    // ---- the routes -----------------------------------------------------------------------------

    /** Every route; together they pass every user task of every model. */
    public List<Journey> all() {
        Step decide = step(RECORD_REFERRAL_DECISION, MANAGER, values("referralDecision", "ACCEPT_REFERRAL",
                "decisionReason", "Meets the threshold for assessment"));
        Step allocate = step(ALLOCATE_WORKER, MANAGER, values("allocatedWorker", WORKER));
        Step toPanelInitial = step(COMPLETE_INITIAL_ASSESSMENT, WORKER, assessment("PANEL"));
        Step toPanelAuthorised = step(AUTHORISE_INITIAL_ASSESSMENT, MANAGER, authorisation("PANEL"));
        return List.of(
                new Journey("referral to the initial child protection conference", contact("CHILD_IN_NEED", false, false), List.of(
                        decide, allocate,
                        step(COMPLETE_INITIAL_ASSESSMENT, WORKER, assessment("CORE_ASSESSMENT")),
                        step(AUTHORISE_INITIAL_ASSESSMENT, MANAGER, authorisation("CORE_ASSESSMENT")),
                        step(COMPLETE_CORE_ASSESSMENT, WORKER, assessment("STRATEGY_DISCUSSION")),
                        step(AUTHORISE_CORE_ASSESSMENT, MANAGER, authorisationWithCriteria("STRATEGY_DISCUSSION")),
                        step(HOLD_STRATEGY_DISCUSSION, WORKER, values("strategyHeldOn", today(), "strategyAttendees", "Police, health, school",
                                "strategyDecision", "START_S47", "nextStep", "CHILD_IN_NEED_PLAN", "strategyReason", "Information shared")),
                        step(COMPLETE_S47_ENQUIRY, WORKER, values("s47ConcludedOn", today(), "s47Outcome", "CONCERNS_SUBSTANTIATED",
                                "nextStep", "CHILD_IN_NEED_PLAN", "s47Reason", "Enquiry findings")),
                        step(HOLD_INITIAL_CONFERENCE, MANAGER, values("conferenceHeldOn", today(), "conferenceOutcome", "CP_PLAN",
                                "categoryOfAbuse", "NEG", "nextStep", "CHILD_IN_NEED_PLAN")))),
                new Journey("multi-agency screening of a police notification", contact("CHILD_IN_NEED", true, false), List.of(
                        step(POLICE_CONTRIBUTION, "mash.police", values("information", "Two call-outs this year", "riskLevel", "MEDIUM")),
                        step(HEALTH_CONTRIBUTION, "mash.health", values("information", "Missed appointments", "riskLevel", "STANDARD")),
                        step(SOCIAL_CARE_CONTRIBUTION, WORKER, values("information", "Not known", "riskLevel", "STANDARD")),
                        step(JOINT_SCREENING_DECISION, "mash.police", values("screeningDecision", "NO_FURTHER_ACTION",
                                "screeningReason", "Joint view of the agencies")))),
                new Journey("single assessment to the panel, proceedings endorsed and issued", contact("CHILD_IN_NEED", false, true), List.of(
                        decide, allocate,
                        step(COMPLETE_SINGLE_ASSESSMENT, WORKER, assessment("PANEL")),
                        step(AUTHORISE_SINGLE_ASSESSMENT, MANAGER, authorisationWithCriteria("PANEL")),
                        step(PREPARE_REQUEST, MANAGER, request("ISSUE_CARE_PROCEEDINGS")),
                        step(ENDORSE_REQUEST, "service.manager", values("endorsed", "YES", "endorsementReason", "Risk is escalating"),
                                this::panelSits),
                        step(RECORD_PANEL_DECISION, "panel.chair", decision("MORE_INFORMATION", "informationNeeded", "Parenting assessment")),
                        step(PROVIDE_MORE_INFORMATION, MANAGER, values("additionalInformation", "Parenting assessment attached"), this::panelSits),
                        step(RECORD_PANEL_DECISION, "panel.chair", decision("LEGAL_PROCEEDINGS", "legalRoute", "ISSUE",
                                "fgdmNotOfferedReason", "Immediate risk of harm")),
                        step(CONCLUDE_PROCEEDINGS, WORKER, values("concludedOn", today(), "finalOrder", "CARE_ORDER",
                                "proceedingsNotes", "Final hearing")))),
                new Journey("emergency admission, then the first weeks in care", contact("SIGNIFICANT_HARM", false, false), List.of(
                        step(RECORD_REFERRAL_DECISION, MANAGER, values("referralDecision", "ACCEPT_REFERRAL", "decisionReason", "Assess first")),
                        allocate, toPanelInitial, toPanelAuthorised,
                        step(PREPARE_REQUEST, MANAGER, withAll(request("S20_ACCOMMODATION"), "emergencyAdmission", "POLICE_PROTECTION",
                                "emergencyOn", today())),
                        step(RECORD_EMERGENCY_PLACEMENT, WORKER, placement("L1", "U4", "PR1")),
                        step(SEND_PLACEMENT_NOTICE, WORKER, values("noticeSentOn", today(), "noticeSentTo", "Parents, IRO, GP")),
                        step(COMPLETE_CARE_PLAN, WORKER, values("carePlanCompletedOn", today(), "permanencePlan", "RETURN_HOME",
                                "carePlanSummary", "Rehabilitation plan")),
                        step(RECORD_HEALTH_ASSESSMENT, WORKER, values("healthAssessmentOn", today(), "healthNotes", "Well"), this::panelSits),
                        step(RECORD_PANEL_DECISION, "panel.chair", decision("ADMIT_TO_CARE"), this::invitationsDue),
                        step(ARRANGE_REVIEW, "iro", values("reviewPlannedFor", TestTime.today().plusDays(14).toString(),
                                "invitationsSentOn", today(), "invitees", "Child, parents, carers", "plannedLateReason", "None")),
                        step(RECORD_VISIT, WORKER, values("visitedOn", today(), "seenAlone", "YES", "visitNotes", "Settled")),
                        step(HOLD_REVIEW, "iro", values("reviewHeldOn", today(), "participation", "PN1", "childsViews", "Wants to see his sister",
                                "decisions", "Plan continues", "lateReason", "Not late")),
                        step(SIGN_OFF_REVIEW, MANAGER, values("recordAgreed", true, "managerComments", "Agreed")))),
                new Journey("a residential placement needs the service manager's approval", contact("CHILD_IN_NEED", false, false), List.of(
                        decide, allocate, toPanelInitial, toPanelAuthorised,
                        step(PREPARE_REQUEST, MANAGER, request("S20_ACCOMMODATION"), this::panelSits),
                        step(RECORD_PANEL_DECISION, "panel.chair", decision("ADMIT_TO_CARE")),
                        step(RECORD_PLACEMENT, WORKER, placement("V2", "K2", "PR4")),
                        step(APPROVE_RESIDENTIAL_PLACEMENT, "service.manager", values("residentialApproved", "YES",
                                "approvalReason", "Needs a specialist setting")))),
                new Journey("the pre-proceedings route", contact("CHILD_IN_NEED", false, false), List.of(
                        decide, allocate, toPanelInitial, toPanelAuthorised,
                        step(PREPARE_REQUEST, MANAGER, request("PLO_PRE_PROCEEDINGS"), this::panelSits),
                        step(RECORD_PANEL_DECISION, "panel.chair", decision("LEGAL_PROCEEDINGS", "legalRoute", "PRE_PROCEEDINGS")),
                        step(HOLD_LEGAL_PLANNING_MEETING, WORKER, values("meetingHeldOn", today(), "legalAdvice", "Threshold crossed",
                                "thresholdMet", "YES")),
                        step(SEND_LETTER_BEFORE_PROCEEDINGS, WORKER, values("letterSentOn", today(), "fgdmOffered", "YES")),
                        step(RECORD_FAMILY_GROUP_ANSWER, WORKER, values("fgdmAnsweredOn", today(), "fgdmAccepted", "YES")),
                        step(HOLD_FAMILY_GROUP_MEETING, WORKER, values("fgdmMeetingResult", "HELD", "fgdmHeldOn", today(),
                                "fgdmOutcome", "FAMILY_PLAN_AGREED", "fgdmSummary", "Grandmother to care during the week")),
                        step(HOLD_PRE_PROCEEDINGS_MEETING, WORKER, values("meetingHeldOn", today(), "preProceedingsOutcome", "STEP_DOWN",
                                "outcomeReason", "Parents engaged")))),
                new Journey("an escalation acknowledged and resolved", contactThen(this::referralDecisionBreached), List.of(
                        step(ACKNOWLEDGE_ESCALATION, MANAGER, values("acknowledgementNote", "Spoke to the duty manager")),
                        step(RESOLVE_ESCALATION, MANAGER, values("resolution", "Decision made")))),
                new Journey("a multi-agency child protection team (csc.child-protection.multi-agency)", this::toMultiAgencyStrategyDiscussion, List.of(
                        step(POLICE_STRATEGY_CONTRIBUTION, "mact.police", values("information", "Two call-outs this year", "riskLevel", "HIGH")),
                        step(HEALTH_STRATEGY_CONTRIBUTION, "mact.health", values("information", "Bruising seen by the school nurse",
                                "riskLevel", "MEDIUM")),
                        step(EDUCATION_STRATEGY_CONTRIBUTION, "mact.education", values("information", "Disclosure to the class teacher",
                                "riskLevel", "HIGH")),
                        step(LEAD_STRATEGY_DISCUSSION, "lead.cp", values("strategyHeldOn", today(), "strategyAttendees",
                                "Lead practitioner, police, school nurse, head teacher", "strategyDecision", "START_S47",
                                "nextStep", "CHILD_IN_NEED_PLAN", "strategyReason", "Information shared by the agencies")),
                        step(POLICE_S47_CONTRIBUTION, "mact.police", values("information", "Joint visit made", "riskLevel", "HIGH")),
                        step(HEALTH_S47_CONTRIBUTION, "mact.health", values("information", "Medical arranged", "riskLevel", "HIGH")),
                        step(EDUCATION_S47_CONTRIBUTION, "mact.education", values("information", "The child repeated the account",
                                "riskLevel", "HIGH")),
                        step(COMPLETE_S47_ENQUIRY, "lead.cp", values("s47ConcludedOn", today(), "s47Outcome", "CONCERNS_SUBSTANTIATED",
                                "nextStep", "CHILD_IN_NEED_PLAN", "s47Reason", "Enquiry findings")),
                        step(HOLD_INITIAL_CONFERENCE, MANAGER, values("conferenceHeldOn", today(), "conferenceOutcome", "NO_PLAN",
                                "categoryOfAbuse", "NEG", "nextStep", "CHILD_IN_NEED_PLAN")))),
                new Journey("Families First: a single assessment to a Family Help plan", contactUnder(GuidanceProfile.FAMILIES_FIRST), List.of(
                        decide, allocate,
                        step(COMPLETE_SINGLE_ASSESSMENT, WORKER, assessment("FAMILY_HELP_PLAN")),
                        step(AUTHORISE_SINGLE_ASSESSMENT, MANAGER, authorisationWithCriteria("FAMILY_HELP_PLAN")),
                        step(FamilyHelpPlanModel.Tasks.AGREE_PLAN, WORKER, values("planAgreedOn", today(),
                                "planParticipants", "Mother, child, school", "planNeeds", "Routines and school attendance")))),
                new Journey("a child moved in on a child protection plan: core group, visit and review conference",
                        journey -> movedInOnAPlan(journey, 14), List.of(
                        step(ChildProtectionPlanModel.Tasks.HOLD_CORE_GROUP_MEETING, WORKER, values("coreGroupHeldOn", today(),
                                "attendees", "Parents, school, health visitor", "progress", "Actions agreed", "lateReason", "The school asked to move it")),
                        step(ChildProtectionPlanModel.Tasks.RECORD_VISIT, WORKER, values("visitedOn", today(), "seenAlone", "YES",
                                "visitNotes", "Seen alone in her room", "lateReason", "The family were away")),
                        step(ChildProtectionPlanModel.Tasks.HOLD_REVIEW_CONFERENCE, "iro", values("reviewHeldOn", today(),
                                "reviewDecision", "CONTINUE", "reviewSummary", "The plan continues", "lateReason", "Not late")))),
                // A child in need plan's review is held after the day the plan started: this plan started a week ago.
                new Journey("a child protection plan stepped down to a child in need plan, agreed, visited and reviewed",
                        this::steppedDownToChildInNeedAWeekAgo, List.of(
                        step(ChildInNeedPlanModel.Tasks.AGREE_PLAN, WORKER, values("planAgreedOn", today(),
                                "planParticipants", "Mother, child, school", "planNeeds", "Routines and school attendance")),
                        step(ChildInNeedPlanModel.Tasks.RECORD_VISIT, WORKER, values("visitedOn", today(), "seenAlone", "YES",
                                "visitNotes", "Seen at home with her mother", "lateReason", "The family were away")),
                        step(ChildInNeedPlanModel.Tasks.HOLD_REVIEW, MANAGER, values("reviewHeldOn", today(), "reviewDecision", "CONTINUE",
                                "reviewSummary", "Attendance up; the plan goes on", "lateReason", "Not late")))),
                // A Family Help plan's review is held after the day the plan started: this plan started a week ago,
                // when a review conference stepped the child down from a child protection plan (a transfer-in).
                new Journey("Families First: a child protection plan stepped down to Family Help, visited and reviewed",
                        this::steppedDownToFamilyHelpAWeekAgo, List.of(
                        step(FamilyHelpPlanModel.Tasks.RECORD_VISIT, WORKER, values("visitedOn", today(), "seenAlone", "YES",
                                "visitNotes", "Seen alone at home; the routines chart is on the fridge")),
                        step(FamilyHelpPlanModel.Tasks.HOLD_REVIEW, MANAGER, values("reviewHeldOn", today(), "reviewDecision", "CONTINUE",
                                "reviewSummary", "School attendance up; the family want the plan to go on")))));
    }

    private static Map<String, Object> withAll(Map<String, Object> values, Object... more) {
        Map<String, Object> all = new HashMap<>(values);
        all.putAll(values(more));
        return all;
    }

    // ---- starting and moving on -----------------------------------------------------------------

    /**
     * A new contact about a new child in Team North, received an hour ago. The child has an NHS number
     * of its own: without one, two journey children (same date of birth, names that differ only in
     * random letters and digits the phonetic match ignores) could be proposed as a likely match.
     */
    public ContactRegistered receive(String level, boolean dv, OffsetDateTime receivedAt) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        var child = new ContactRequest.Child("Journey" + unique, "Child", TestTime.bornYearsAgo(7), null, "F", "WBRI", "B23 6AB",
                NhsNumbers.next(), null);
        return drive.receive(new ContactRequest(child, dv ? "6" : "2A", receivedAt, "Concerns described by the school", level,
                false, dv, true, null));
    }

    /** A contact about a new child received while the council runs the given profile (the case keeps it). */
    private Consumer<Journey> contactUnder(GuidanceProfile profile) {
        return journey -> {
            GuidanceProfile before = profiles.forNewCases();
            profiles.switchTo(profile);
            try {
                journey.contact = receive("CHILD_IN_NEED", false, TestTime.now().minusHours(1));
            } finally {
                profiles.switchTo(before);
            }
        };
    }

    private Consumer<Journey> contact(String level, boolean dv, boolean singleAssessment) {
        return journey -> {
            GuidanceProfile before = profiles.forNewCases();
            if (singleAssessment) {
                profiles.switchTo(GuidanceProfile.WT2023);
            }
            try {
                journey.contact = receive(level, dv, TestTime.now().minusHours(1));
            } finally {
                profiles.switchTo(before);
            }
        };
    }

    /**
     * A contact whose referral decision is a strategy discussion, allocated while the council runs multi-agency child
     * protection: the route fixes it for the case there (the setting goes back as it was).
     */
    private void toMultiAgencyStrategyDiscussion(Journey journey) {
        journey.contact = receive("SIGNIFICANT_HARM", false, TestTime.now().minusHours(1));
        boolean before = multiAgency.forNewStrategyDiscussions();
        multiAgency.switchTo(true);
        try {
            drive.asManager(journey.contact.processInstanceId(), RECORD_REFERRAL_DECISION, values("referralDecision", "STRATEGY_DISCUSSION",
                    "decisionReason", "Significant harm suspected"));
            drive.asManager(journey.contact.processInstanceId(), ALLOCATE_WORKER, values("allocatedWorker", WORKER));
        } finally {
            multiAgency.switchTo(before);
        }
    }

    private Consumer<Journey> contactThen(Consumer<Journey> then) {
        Consumer<Journey> contact = contact("CHILD_IN_NEED", false, false);
        return contact.andThen(then);
    }

    /**
     * Under Families First, a child who moved in on a plan (transfer-in conference 14 days ago) whose
     * first review conference, 7 days ago, stepped them down to a Family Help plan: its process runs.
     */
    private void steppedDownToFamilyHelpAWeekAgo(Journey journey) {
        contactUnder(GuidanceProfile.FAMILIES_FIRST).accept(journey);
        LocalDate today = TestTime.today();
        String cp = (String) planStarts.transferIn(journey.caseRef(), new HashMap<>(values("conferenceHeldOn", today.minusDays(14).toString(),
                "categoryOfAbuse", "NEG", "originatingAuthority", "Another council", "allocatedWorker", WORKER)),
                new CurrentUser(MANAGER, java.util.Set.of("team-manager", "team-north"))).get("processInstanceId");
        drive.complete(cp, ChildProtectionPlanModel.Tasks.HOLD_REVIEW_CONFERENCE, "iro", List.of("iro"), values(
                "reviewHeldOn", today.minusDays(7).toString(), "reviewDecision", "END_PLAN", "planEnding", "STEP_DOWN_TO_FAMILY_HELP",
                "reviewSummary", "Risks reduced; Family Help with the same worker"));
    }

    /** A child who moved in on another council's child protection plan: its transfer-in conference was held days ago. */
    private String movedInOnAPlan(Journey journey, int daysAgo) {
        contact("CHILD_IN_NEED", false, false).accept(journey);
        return (String) planStarts.transferIn(journey.caseRef(), new HashMap<>(values("conferenceHeldOn",
                TestTime.today().minusDays(daysAgo).toString(), "categoryOfAbuse", "NEG", "originatingAuthority", "Another council",
                "allocatedWorker", WORKER)), new CurrentUser(MANAGER, java.util.Set.of("team-manager", "team-north"))).get("processInstanceId");
    }

    /** The plan of {@link #movedInOnAPlan} (14 days ago) was stepped down to a child in need plan at a review 7 days ago. */
    private void steppedDownToChildInNeedAWeekAgo(Journey journey) {
        String cp = movedInOnAPlan(journey, 14);
        drive.complete(cp, ChildProtectionPlanModel.Tasks.HOLD_REVIEW_CONFERENCE, "iro", List.of("iro"), values(
                "reviewHeldOn", TestTime.today().minusDays(7).toString(), "reviewDecision", "END_PLAN", "planEnding",
                "STEP_DOWN_TO_CHILD_IN_NEED", "reviewSummary", "Risks reduced; a child in need plan with the same worker"));
    }

    private void referralDecisionBreached(Journey journey) {
        drive.fire(journey.contact.processInstanceId(), ReferralToAssessmentModel.Elements.REFERRAL_DECISION_DUE);
    }

    /** The panel's weekly sitting: its timer fires (the clock is not moved). */
    private void panelSits(Journey journey) {
        var panel = runtime.createProcessInstanceQuery().processDefinitionKey(ReceptionIntoCarePanelModel.PROCESS_ID)
                .processInstanceBusinessKey(journey.caseRef()).active().list();
        panel.forEach(p -> drive.fire(p.getId(), ReceptionIntoCarePanelModel.Elements.SITTING_DAY));
    }

    /** The first review's invitations are due: the IRO's task opens (at once when already due). */
    private void invitationsDue(Journey journey) {
        var care = runtime.createProcessInstanceQuery().processDefinitionKey(LookedAfterReviewsModel.PROCESS_ID)
                .processInstanceBusinessKey(journey.caseRef()).active().singleResult();
        if (care != null && tasks.createTaskQuery().processInstanceId(care.getId()).taskDefinitionKey(ARRANGE_REVIEW).count() == 0) {
            drive.fire(care.getId(), LookedAfterReviewsModel.Elements.INVITATIONS_DUE);
        }
    }

    public void start(Journey journey) {
        journey.start.accept(journey);
    }

    /** The open task of a step on the journey's case (in whichever of the case's processes it is). */
    public Task openTask(Journey journey, Step step) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(journey.caseRef()).taskDefinitionKey(step.task())
                .active().list();
        if (open.size() != 1) {
            throw new IllegalStateException(journey.name + ": expected one open " + step.task() + " on " + journey.caseRef()
                    + ", found " + open.size());
        }
        return open.get(0);
    }

    /** The variables the task's process already has (a form field it holds is not missing when left out). */
    public Map<String, Object> processVariables(Task task) {
        return runtime.getVariables(task.getExecutionId());
    }

    /** A date a journey's records are made on: today at the pinned test instant. */
    public static LocalDate day() {
        return TestTime.today();
    }
}
