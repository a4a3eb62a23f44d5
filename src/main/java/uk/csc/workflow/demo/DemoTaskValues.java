package uk.csc.workflow.demo;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.csc.workflow.clocks.process.ClockVariables;
import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.plans.ChildInNeedPlanModel;
import uk.csc.workflow.plans.FamilyHelpPlanModel;
import uk.csc.workflow.plans.ChildProtectionPlanModel;
import uk.csc.workflow.referral.ReferralService;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.review.LookedAfterReviewsModel;

/**
 * What a demo practitioner, manager, IRO or panel chair submits for each task of the models, and
 * who they are: plausible outcomes in the proportions a city sees, dated the day of the replay.
 */
@Component
class DemoTaskValues {

    private final TaskService tasks;
    private final RepositoryService repository;
    private final JdbcClient jdbc;
    private final ReferralService referrals;
    private final Map<String, String> processKeys = new ConcurrentHashMap<>();

    DemoTaskValues(TaskService tasks, RepositoryService repository, JdbcClient jdbc, ReferralService referrals) {
        this.referrals = referrals;
        this.tasks = tasks;
        this.repository = repository;
        this.jdbc = jdbc;
    }

    String processKey(Task task) {
        return processKeys.computeIfAbsent(task.getProcessDefinitionId(),
                id -> repository.getProcessDefinition(id).getKey());
    }

    /** The variables the demo decides on, read in one call per task. */
    private static final String REVIEW_DUE_ON = ClockVariables.dueOn(LookedAfterReviewsModel.Clocks.REVIEW);
    static final List<String> READ = List.of("team", "profile", "proposedResponse", "recommendation", "proposal", REVIEW_DUE_ON, "caseId",
            ChildProtectionPlanModel.Variables.REVIEW_NUMBER);

    Map<String, Object> variablesOf(Task task) {
        return tasks.getVariables(task.getId(), READ);
    }

    CurrentUser completer(Task task, Map<String, Object> variables) {
        String team = (String) variables.get("team");
        String side = team == null ? "north" : team.substring(5);
        String teamGroup = "team-" + side;
        return switch (task.getTaskDefinitionKey()) {
            case ReferralToAssessmentModel.Tasks.POLICE_CONTRIBUTION, ReferralToAssessmentModel.Tasks.JOINT_SCREENING_DECISION -> user("mash.police", "mash");
            case ReferralToAssessmentModel.Tasks.HEALTH_CONTRIBUTION -> user("mash.health", "mash");
            // A multi-agency child protection team (csc.child-protection.multi-agency on).
            case ReferralToAssessmentModel.Tasks.POLICE_STRATEGY_CONTRIBUTION, ReferralToAssessmentModel.Tasks.POLICE_S47_CONTRIBUTION ->
                    user("mact.police", Groups.MACT_POLICE);
            case ReferralToAssessmentModel.Tasks.HEALTH_STRATEGY_CONTRIBUTION, ReferralToAssessmentModel.Tasks.HEALTH_S47_CONTRIBUTION ->
                    user("mact.health", Groups.MACT_HEALTH);
            case ReferralToAssessmentModel.Tasks.EDUCATION_STRATEGY_CONTRIBUTION, ReferralToAssessmentModel.Tasks.EDUCATION_S47_CONTRIBUTION ->
                    user("mact.education", Groups.MACT_EDUCATION);
            // Team North has a lead child protection practitioner; Team South has none, so a service manager leads.
            case ReferralToAssessmentModel.Tasks.LEAD_STRATEGY_DISCUSSION -> "north".equals(side)
                    ? new CurrentUser("lead.cp", Set.of(Groups.LEAD_CP_PRACTITIONER, teamGroup)) : user("service.manager", "service-manager");
            case ReferralToAssessmentModel.Tasks.COMPLETE_S47_ENQUIRY -> "lead.cp".equals(task.getAssignee())
                    ? new CurrentUser("lead.cp", Set.of(Groups.LEAD_CP_PRACTITIONER, teamGroup))
                    : "service.manager".equals(task.getAssignee()) ? user("service.manager", "service-manager")
                    : new CurrentUser("worker." + side, Set.of("practitioner", teamGroup));
            case ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION -> user("panel.chair", "panel-chair");
            case LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, LookedAfterReviewsModel.Tasks.HOLD_REVIEW,
                 ChildProtectionPlanModel.Tasks.HOLD_REVIEW_CONFERENCE -> user("iro", "iro");
            case ReceptionIntoCarePanelModel.Tasks.ENDORSE_REQUEST, ReceptionIntoCarePanelModel.Tasks.APPROVE_RESIDENTIAL_PLACEMENT -> user("service.manager", "service-manager");
            case ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER, ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT,
                 ReferralToAssessmentModel.Tasks.AUTHORISE_CORE_ASSESSMENT, ReferralToAssessmentModel.Tasks.AUTHORISE_SINGLE_ASSESSMENT, ReferralToAssessmentModel.Tasks.HOLD_INITIAL_CONFERENCE,
                 ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST, ReceptionIntoCarePanelModel.Tasks.PROVIDE_MORE_INFORMATION, LookedAfterReviewsModel.Tasks.SIGN_OFF_REVIEW,
                 ChildInNeedPlanModel.Tasks.HOLD_REVIEW, FamilyHelpPlanModel.Tasks.HOLD_REVIEW ->
                    new CurrentUser("manager." + side, Set.of("team-manager", teamGroup));
            case StatutoryEscalationModel.Tasks.ACKNOWLEDGE_ESCALATION, StatutoryEscalationModel.Tasks.RESOLVE_ESCALATION -> escalationRecipient(task);
            default -> new CurrentUser("worker." + side, Set.of("practitioner", teamGroup));
        };
    }

    private CurrentUser escalationRecipient(Task task) {
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (link.getUserId() != null) {
                return new CurrentUser(link.getUserId(), Set.of("team-manager", "team-" + link.getUserId().substring(8)));
            }
        }
        return user("service.manager", "service-manager");
    }

    private static CurrentUser user(String id, String group) {
        return new CurrentUser(id, Set.of(group));
    }

    Map<String, Object> valuesFor(Task task, Map<String, Object> variables, LocalDate day, Random random) {
        String today = day.toString();
        Map<String, Object> v = new HashMap<>();
        switch (task.getTaskDefinitionKey()) {
            case ReferralToAssessmentModel.Tasks.POLICE_CONTRIBUTION, ReferralToAssessmentModel.Tasks.HEALTH_CONTRIBUTION, ReferralToAssessmentModel.Tasks.SOCIAL_CARE_CONTRIBUTION -> {
                v.put("information", "Known to the agency: two incidents this year");
                v.put("riskLevel", pick(random, "STANDARD", 6, "MEDIUM", 3, "HIGH", 1));
            }
            case ReferralToAssessmentModel.Tasks.JOINT_SCREENING_DECISION -> {
                v.put("screeningDecision", pick(random, "REFER", 4, "NO_FURTHER_ACTION", 4, "SIGNPOST", 2));
                v.put("screeningReason", "Joint view of police, health and social care");
            }
            case ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION -> {
                String proposed = (String) variables.get("proposedResponse");
                v.put("referralDecision", switch (proposed == null ? "ASSESSMENT" : proposed) {
                    case "INFORMATION_AND_ADVICE" -> "INFORMATION_AND_ADVICE";
                    case "EARLY_HELP" -> "EARLY_HELP";
                    case "STRATEGY_DISCUSSION" -> "STRATEGY_DISCUSSION";
                    default -> "ACCEPT_REFERRAL";
                });
                v.put("decisionReason", "Manager's decision on the facts of the contact");
            }
            case ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER -> v.put("allocatedWorker", "worker." + ((String) variables.get("team")).substring(5));
            case ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT -> assessment(v, today, random,
                    pick(random, "CLOSE", 26, "CHILD_IN_NEED_PLAN", 36, "CORE_ASSESSMENT", 15, "STRATEGY_DISCUSSION", 9, "PANEL", 14));
            case ReferralToAssessmentModel.Tasks.COMPLETE_CORE_ASSESSMENT, ReferralToAssessmentModel.Tasks.COMPLETE_SINGLE_ASSESSMENT -> assessment(v, today, random,
                    pick(random, "CLOSE", 25, familiesFirst(variables) ? "FAMILY_HELP_PLAN" : "CHILD_IN_NEED_PLAN", 45, "CARE_MANAGEMENT", 12,
                            "STRATEGY_DISCUSSION", 10, "PANEL", 8));
            case ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, ReferralToAssessmentModel.Tasks.AUTHORISE_CORE_ASSESSMENT, ReferralToAssessmentModel.Tasks.AUTHORISE_SINGLE_ASSESSMENT -> {
                String recommendation = (String) variables.get("recommendation");
                v.put("assessmentOutcome", random.nextInt(12) == 0 ? "RETURN_TO_WORKER" : recommendation);
                v.put("outcomeReason", "Agreed with the worker's analysis");
                v.put("transferCriteria", "Long-term needs; criteria for care management met");
            }
            case ReferralToAssessmentModel.Tasks.POLICE_STRATEGY_CONTRIBUTION, ReferralToAssessmentModel.Tasks.HEALTH_STRATEGY_CONTRIBUTION,
                 ReferralToAssessmentModel.Tasks.EDUCATION_STRATEGY_CONTRIBUTION, ReferralToAssessmentModel.Tasks.POLICE_S47_CONTRIBUTION,
                 ReferralToAssessmentModel.Tasks.HEALTH_S47_CONTRIBUTION, ReferralToAssessmentModel.Tasks.EDUCATION_S47_CONTRIBUTION -> {
                v.put("information", "What the agency knows about the child and the concerns");
                v.put("riskLevel", pick(random, "STANDARD", 2, "MEDIUM", 2, "HIGH", 1));
            }
            case ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION, ReferralToAssessmentModel.Tasks.LEAD_STRATEGY_DISCUSSION -> {
                v.put("strategyHeldOn", today);
                v.put("strategyAttendees", "Police, health, school, social care");
                v.put("strategyDecision", random.nextInt(4) == 0 ? "NO_S47" : "START_S47");
                v.put("nextStep", "CHILD_IN_NEED_PLAN");
                v.put("strategyReason", "Information shared by the agencies");
            }
            case ReferralToAssessmentModel.Tasks.COMPLETE_S47_ENQUIRY -> {
                v.put("s47ConcludedOn", today);
                v.put("s47Outcome", random.nextInt(3) == 0 ? "NOT_SUBSTANTIATED" : "CONCERNS_SUBSTANTIATED");
                v.put("nextStep", "CHILD_IN_NEED_PLAN");
                v.put("s47Reason", "Enquiry findings");
            }
            case ReferralToAssessmentModel.Tasks.HOLD_INITIAL_CONFERENCE -> {
                v.put("conferenceHeldOn", today);
                // A child already on a plan through another case is not given a second one (the service refuses it).
                boolean plan = random.nextInt(5) != 0 && referrals.openPlanElsewhere(((Number) variables.get("caseId")).longValue()).isEmpty();
                v.put("conferenceOutcome", plan ? "CP_PLAN" : "NO_PLAN");
                v.put("categoryOfAbuse", pick(random, "NEG", 5, "EMO", 3, "PHY", 1, "SAB", 1));
                v.put("nextStep", "CHILD_IN_NEED_PLAN");
            }
            case ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST -> {
                v.put("requestReason", "Parents unable to keep the child safe at home");
                v.put("proposal", pick(random, "S20_ACCOMMODATION", 7, "PLO_PRE_PROCEEDINGS", 2, "SUPPORT_AT_HOME", 1));
                v.put("riskSummary", "Neglect and parental substance misuse");
                v.put("familyOptions", "Wider family assessed");
            }
            case ReceptionIntoCarePanelModel.Tasks.ENDORSE_REQUEST -> {
                v.put("endorsed", "YES");
                v.put("endorsementReason", "Risk is escalating");
            }
            case ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION -> panelDecision((String) variables.get("proposal"), v, day, random);
            case ReceptionIntoCarePanelModel.Tasks.PROVIDE_MORE_INFORMATION -> v.put("additionalInformation", "Assessment attached");
            case ReceptionIntoCarePanelModel.Tasks.RECORD_PLACEMENT, ReceptionIntoCarePanelModel.Tasks.RECORD_EMERGENCY_PLACEMENT -> {
                v.put("placementStartOn", today);
                v.put("legalStatus", "V2");
                String type = pick(random, "U1", 25, "U4", 45, "U6", 20, "K2", 10);
                v.put("placementType", type);
                v.put("placementProvider", type.equals("U6") || type.equals("K2") ? "PR4" : type.equals("U1") ? "PR0" : "PR1");
                v.put("preferenceReason", "No family or friends carer able to care now");
            }
            case ReceptionIntoCarePanelModel.Tasks.APPROVE_RESIDENTIAL_PLACEMENT -> {
                v.put("residentialApproved", "YES");
                v.put("approvalReason", "Needs a specialist setting");
            }
            case ReceptionIntoCarePanelModel.Tasks.HOLD_LEGAL_PLANNING_MEETING -> {
                v.put("meetingHeldOn", today);
                v.put("legalAdvice", "Threshold crossed");
                v.put("thresholdMet", random.nextInt(5) == 0 ? "NO" : "YES");
            }
            case ReceptionIntoCarePanelModel.Tasks.SEND_LETTER_BEFORE_PROCEEDINGS -> {
                // Children Act 1989 s31ZA: the letter offers a family group decision-making meeting unless
                // that is not in the child's best interests (about one letter in six here).
                v.put("letterSentOn", today);
                boolean offered = random.nextInt(6) != 0;
                v.put("fgdmOffered", offered ? "YES" : "NO");
                if (!offered) {
                    v.put("fgdmNotOfferedReason", "Domestic abuse within the family network: a family meeting would put the child at risk");
                }
            }
            case ReceptionIntoCarePanelModel.Tasks.RECORD_FAMILY_GROUP_ANSWER -> {
                v.put("fgdmAnsweredOn", today);
                v.put("fgdmAccepted", random.nextInt(4) == 0 ? "NO" : "YES");
            }
            case ReceptionIntoCarePanelModel.Tasks.HOLD_FAMILY_GROUP_MEETING -> {
                String result = pick(random, "HELD", 8, "FAMILY_WITHDREW", 1, "NOT_HELD_BEST_INTERESTS", 1);
                v.put("fgdmMeetingResult", result);
                if (result.equals("HELD")) {
                    v.put("fgdmHeldOn", today);
                    v.put("fgdmOutcome", pick(random, "FAMILY_PLAN_AGREED", 4, "FAMILY_PLAN_PARTLY_AGREED", 3, "NO_FAMILY_PLAN", 3));
                    v.put("fgdmSummary", "The family network proposed who will care for the child and how they will be supported");
                } else {
                    v.put("fgdmSummary", result.equals("FAMILY_WITHDREW") ? "The parents withdrew their acceptance"
                            : "New information about risk within the family network");
                }
            }
            case ReceptionIntoCarePanelModel.Tasks.HOLD_PRE_PROCEEDINGS_MEETING -> {
                v.put("meetingHeldOn", today);
                v.put("preProceedingsOutcome", random.nextBoolean() ? "STEP_DOWN" : "ISSUE_PROCEEDINGS");
                v.put("outcomeReason", "Progress under the plan reviewed");
            }
            case ReceptionIntoCarePanelModel.Tasks.CONCLUDE_PROCEEDINGS -> {
                v.put("concludedOn", today);
                v.put("finalOrder", pick(random, "CARE_ORDER", 5, "SPECIAL_GUARDIANSHIP_ORDER", 3, "SUPERVISION_ORDER", 2));
            }
            case ReceptionIntoCarePanelModel.Tasks.COMPLETE_CARE_PLAN -> {
                v.put("carePlanCompletedOn", today);
                v.put("permanencePlan", pick(random, "LONG_TERM_FOSTERING", 5, "RETURN_HOME", 3, "SPECIAL_GUARDIANSHIP", 2));
                v.put("carePlanSummary", "Care plan agreed with the child and family");
            }
            case ReceptionIntoCarePanelModel.Tasks.RECORD_HEALTH_ASSESSMENT -> v.put("healthAssessmentOn", today);
            case ReceptionIntoCarePanelModel.Tasks.SEND_PLACEMENT_NOTICE -> {
                v.put("noticeSentOn", today);
                v.put("noticeSentTo", "Parents, IRO, GP, school");
            }
            case LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW -> {
                LocalDate due = LocalDate.parse((String) variables.get(REVIEW_DUE_ON));
                v.put("reviewPlannedFor", (due.isBefore(day) ? day : due.minusDays(random.nextInt(3))).toString());
                v.put("invitationsSentOn", today);
                v.put("invitees", "Child, parents, carers, social worker, school");
                v.put("plannedLateReason", "Rearranged to suit the family");
            }
            case LookedAfterReviewsModel.Tasks.HOLD_REVIEW -> {
                v.put("reviewHeldOn", today);
                v.put("participation", participation(((Number) variables.get("caseId")).longValue(), day, random));
                v.put("childsViews", "Wants more contact with siblings");
                v.put("decisions", "Care plan continues; contact increased");
                v.put("lateReason", "Rearranged at the family's request");
            }
            case LookedAfterReviewsModel.Tasks.SIGN_OFF_REVIEW -> v.put("recordAgreed", true);
            case LookedAfterReviewsModel.Tasks.RECORD_VISIT -> {
                v.put("visitedOn", today);
                v.put("seenAlone", random.nextInt(5) == 0 ? "NO" : "YES");
                v.put("visitNotes", "Child settled; carers supportive");
            }
            case ChildProtectionPlanModel.Tasks.HOLD_CORE_GROUP_MEETING -> {
                v.put("coreGroupHeldOn", today);
                v.put("attendees", "Parents, school, health visitor, social worker");
                v.put("progress", "Progress against the plan reviewed; actions agreed");
                v.put("lateReason", "Rearranged so that the school could attend");
            }
            case ChildProtectionPlanModel.Tasks.RECORD_VISIT, ChildInNeedPlanModel.Tasks.RECORD_VISIT, FamilyHelpPlanModel.Tasks.RECORD_VISIT -> {
                v.put("visitedOn", today);
                v.put("seenAlone", random.nextInt(6) == 0 ? "NO" : "YES");
                v.put("visitNotes", "Child seen at home; the plan is working");
                v.put("lateReason", "The family were away");
            }
            case ChildProtectionPlanModel.Tasks.HOLD_REVIEW_CONFERENCE -> cpReview(v, today, number(variables), random);
            case ChildInNeedPlanModel.Tasks.AGREE_PLAN -> {
                v.put("planAgreedOn", today);
                v.put("planParticipants", "Child, parents, school, social worker");
                v.put("planNeeds", "Routines, school attendance and health appointments");
            }
            case ChildInNeedPlanModel.Tasks.HOLD_REVIEW -> cinReview(v, today, number(variables), random);
            case FamilyHelpPlanModel.Tasks.AGREE_PLAN -> {
                v.put("planAgreedOn", today);
                v.put("planParticipants", "Child, parents, school, lead practitioner");
                v.put("planNeeds", "Routines, school attendance and support for the parents");
            }
            case FamilyHelpPlanModel.Tasks.HOLD_REVIEW -> {
                // Family Help (Families First): most plans continue at the first review, then close or step down; a few step up.
                v.put("reviewHeldOn", today);
                v.put("lateReason", "Rearranged at the family's request");
                v.put("reviewSummary", "Progress against the Family Help plan reviewed with the family");
                v.put("reviewDecision", number(variables) == 1 ? pick(random, "CONTINUE", 60, "CLOSE", 25, "STEP_DOWN", 10, "STEP_UP", 5)
                        : pick(random, "CONTINUE", 30, "CLOSE", 45, "STEP_DOWN", 20, "STEP_UP", 5));
            }
            case StatutoryEscalationModel.Tasks.ACKNOWLEDGE_ESCALATION -> v.put("acknowledgementNote", "Discussed with the worker");
            case StatutoryEscalationModel.Tasks.RESOLVE_ESCALATION -> v.put("resolution", "Work completed");
            default -> { }
        }
        return v;
    }

    private static int number(Map<String, Object> variables) {
        Object number = variables.get(ChildProtectionPlanModel.Variables.REVIEW_NUMBER);
        return number == null ? 1 : ((Number) number).intValue();
    }

    /** Most plans continue at the first review and end within a year; a few change category or lead to care. */
    private static void cpReview(Map<String, Object> v, String today, int number, Random random) {
        v.put("reviewHeldOn", today);
        v.put("lateReason", "The conference was reconvened so that the parents could attend");
        v.put("reviewSummary", "The core group's evidence and the family's views were heard");
        int endsIn100 = number == 1 ? 15 : number == 2 ? 50 : 80;
        if (random.nextInt(100) < endsIn100) {
            v.put("reviewDecision", "END_PLAN");
            v.put("planEnding", pick(random, "STEP_DOWN_TO_CHILD_IN_NEED", 60, "NO_FURTHER_ACTION", 25, "LOOKED_AFTER", 15));
        } else if (random.nextInt(8) == 0) {
            v.put("reviewDecision", "CHANGE_CATEGORY");
            v.put("categoryOfAbuse", pick(random, "MUL", 3, "EMO", 2, "NEG", 2, "PHY", 1));
        } else {
            v.put("reviewDecision", "CONTINUE");
        }
    }

    /** Child in need plans mostly close or step down within a year; a few step up to a strategy discussion. */
    private static void cinReview(Map<String, Object> v, String today, int number, Random random) {
        v.put("reviewHeldOn", today);
        v.put("lateReason", "Rearranged at the family's request");
        v.put("reviewSummary", "Progress against the plan reviewed with the family");
        String decision = number == 1 ? pick(random, "CONTINUE", 60, "CLOSE", 25, "STEP_DOWN", 10, "STEP_UP", 5)
                : pick(random, "CONTINUE", 35, "CLOSE", 45, "STEP_DOWN", 15, "STEP_UP", 5);
        v.put("reviewDecision", decision);
        v.put("closureReason", decision.equals("STEP_DOWN") ? "RC7" : pick(random, "RC7", 70, "RC5", 10, "RC8", 10, "RC4", 5, "RC3", 5));
    }

    private static boolean familiesFirst(Map<String, Object> variables) {
        return "FAMILIES_FIRST".equals(variables.get("profile"));
    }

    private void assessment(Map<String, Object> v, String today, Random random, String recommendation) {
        v.put("childSeenOn", today);
        v.put("completedOn", today);
        v.put("categoryOfNeed", pick(random, "N1", 5, "N4", 2, "N5", 2, "N3", 1));
        v.put("summary", "Analysis of the child's needs and the risks");
        v.put("recommendation", recommendation);
    }

    private void panelDecision(String proposal, Map<String, Object> v, LocalDate day, Random random) {
        String decision = switch (proposal == null ? "" : proposal) {
            case "PLO_PRE_PROCEEDINGS" -> "LEGAL_PROCEEDINGS";
            case "SUPPORT_AT_HOME" -> "SUPPORT_AT_HOME";
            default -> random.nextInt(6) == 0 ? "SUPPORT_AT_HOME" : "ADMIT_TO_CARE";
        };
        v.put("panelDecision", decision);
        v.put("legalRoute", "PRE_PROCEEDINGS");
        v.put("supportReviewOn", day.plusMonths(3).toString());
        v.put("decisionReasons", "Panel's analysis of risk and the family's capacity");
        v.put("attendees", "Panel chair, service manager, legal adviser, team manager");
    }

    private String participation(long caseId, LocalDate day, Random random) {
        LocalDate born = jdbc.sql("SELECT ch.date_of_birth FROM child ch JOIN care_case c ON c.child_id = ch.id WHERE c.id = :c")
                .param("c", caseId).query(LocalDate.class).optional().orElse(null);
        if (born != null && Period.between(born, day).getYears() < 4) {
            return "PN0";
        }
        return pick(random, "PN1", 50, "PN2", 10, "PN3", 4, "PN4", 4, "PN5", 12, "PN6", 12, "PN7", 8);
    }

    /** A weighted choice: value, weight, value, weight... */
    static String pick(Random random, Object... weighted) {
        int total = 0;
        for (int i = 1; i < weighted.length; i += 2) {
            total += (Integer) weighted[i];
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weighted.length; i += 2) {
            roll -= (Integer) weighted[i + 1];
            if (roll < 0) {
                return (String) weighted[i];
            }
        }
        throw new IllegalStateException("unreachable");
    }

}
