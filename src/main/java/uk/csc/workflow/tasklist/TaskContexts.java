package uk.csc.workflow.tasklist;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileViews.ChildView;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.casefile.ChildFile;
import uk.csc.workflow.codes.CodeLabels.Coded;
import uk.csc.workflow.escalation.EscalationService;
import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.panel.PanelQueries;
import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.referral.ReferralCodes.AssessmentKind;
import uk.csc.workflow.referral.ReferralContexts;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.review.LookedAfterReviewsModel;
import uk.csc.workflow.review.ReviewContexts;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * What the decision in hand needs, for the Tasklist plugin's task detail tab: the contact and
 * the child's history for a referral decision, the assessment for its authorisation, the request
 * for the panel's decision, the IRO's record for a review sign-off, the breach for an escalation.
 * Other tasks get the child and the case only. In words, not codes.
 */
@Service
@Transactional(noRollbackFor = AccessDeniedException.class)
public class TaskContexts {

    /** Which decision a task is. */
    public enum Kind { REFERRAL_DECISION, ASSESSMENT_AUTHORISATION, CHILD_PROTECTION_ENQUIRY, PANEL_DECISION, REVIEW_SIGN_OFF, ESCALATION,
        OTHER }

    /**
     * @param details the kind's own facts (see the README); null for OTHER
     */
    public record TaskContext(String taskId, String taskName, Kind kind, String caseRef, Coded team, ChildView child,
                              TaskDue due, Object details) {
    }

    private static final Map<String, AssessmentKind> AUTHORISATIONS = Map.of(
            ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, AssessmentKind.INITIAL,
            ReferralToAssessmentModel.Tasks.AUTHORISE_CORE_ASSESSMENT, AssessmentKind.CORE,
            ReferralToAssessmentModel.Tasks.AUTHORISE_SINGLE_ASSESSMENT, AssessmentKind.SINGLE);

    private static final Set<String> ESCALATION_TASKS = Set.of(StatutoryEscalationModel.Tasks.ACKNOWLEDGE_ESCALATION,
            StatutoryEscalationModel.Tasks.RESOLVE_ESCALATION);

    private final TaskCards cards;
    private final TaskLookup tasks;
    private final ChildFile files;
    private final ReferralContexts referrals;
    private final PanelQueries panel;
    private final ReviewContexts reviews;
    private final EscalationService escalations;
    private final StatutoryTimescales timescales;
    private final uk.csc.workflow.platform.time.TimeSource time;
    private final AuditLog audit;

    TaskContexts(TaskCards cards, TaskLookup tasks, ChildFile files, ReferralContexts referrals, PanelQueries panel,
                 ReviewContexts reviews, EscalationService escalations, StatutoryTimescales timescales,
                 uk.csc.workflow.platform.time.TimeSource time, AuditLog audit) {
        this.cards = cards;
        this.tasks = tasks;
        this.files = files;
        this.referrals = referrals;
        this.panel = panel;
        this.reviews = reviews;
        this.escalations = escalations;
        this.timescales = timescales;
        this.time = time;
        this.audit = audit;
    }

    public TaskContext context(String taskId, CurrentUser user) {
        TaskCards.Located located = cards.locate(taskId, user);
        TaskLookup.TaskFacts task = located.task();
        CaseRecord record = located.record();
        String key = task.taskDefinitionKey();
        Kind kind;
        Object details;
        if (ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION.equals(key)) {
            kind = Kind.REFERRAL_DECISION;
            details = referrals.referralDecision(record.id(), id(task, ReferralToAssessmentModel.Variables.CONTACT_ID));
        } else if (AUTHORISATIONS.containsKey(key)) {
            kind = Kind.ASSESSMENT_AUTHORISATION;
            details = referrals.assessment(record.id(), AUTHORISATIONS.get(key));
        } else if (ReferralToAssessmentModel.Tasks.LEAD_STRATEGY_DISCUSSION.equals(key)) {
            kind = Kind.CHILD_PROTECTION_ENQUIRY;
            details = referrals.childProtectionEnquiry(record.id(), false);
        } else if (ReferralToAssessmentModel.Tasks.COMPLETE_S47_ENQUIRY.equals(key) && multiAgency(task)) {
            kind = Kind.CHILD_PROTECTION_ENQUIRY;
            details = referrals.childProtectionEnquiry(record.id(), true);
        } else if (ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION.equals(key)
                || ReceptionIntoCarePanelModel.Tasks.PROVIDE_MORE_INFORMATION.equals(key)) {
            kind = Kind.PANEL_DECISION;
            details = panel.requestContext(id(task, ReceptionIntoCarePanelModel.Variables.REQUEST_ID));
        } else if (LookedAfterReviewsModel.Tasks.SIGN_OFF_REVIEW.equals(key)) {
            kind = Kind.REVIEW_SIGN_OFF;
            details = reviews.review(id(task, LookedAfterReviewsModel.Variables.SIGN_OFF_ID));
        } else if (ESCALATION_TASKS.contains(key)) {
            kind = Kind.ESCALATION;
            details = escalations.context(id(task, StatutoryEscalationModel.Variables.ESCALATION_ID), timescales.calendar());
        } else {
            kind = Kind.OTHER;
            details = null;
        }
        audit.record(user.id(), AuditLog.Action.READ, "CASE", record.caseRef(), "task context: " + kind);
        return new TaskContext(task.id(), task.name(), kind, record.caseRef(), files.team(record.team()), files.child(record.childId()),
                TaskDue.of(task.dueAt(), time.now(), timescales.calendar()), details);
    }

    private boolean multiAgency(TaskLookup.TaskFacts task) {
        String variable = ReferralToAssessmentModel.Variables.MULTI_AGENCY_CHILD_PROTECTION;
        return Boolean.TRUE.equals(tasks.variables(task.id(), List.of(variable)).get(variable));
    }

    private long id(TaskLookup.TaskFacts task, String variable) {
        Object value = tasks.variables(task.id(), List.of(variable)).get(variable);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("Task " + task.id() + " has no " + variable);
        }
        return number.longValue();
    }
}
