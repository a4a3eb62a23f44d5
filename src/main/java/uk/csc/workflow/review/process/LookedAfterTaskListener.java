package uk.csc.workflow.review.process;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.platform.EngineUser;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.platform.web.TaskRejection;
import uk.csc.workflow.review.ReviewService;
import uk.csc.workflow.review.VisitService;

/**
 * The one adapter between lookedAfterReviews' user tasks and the review and visit services: on
 * completion it checks the user's role, hands the submitted values to the service (which validates
 * and records them) and keeps only routing values in the process. A validation failure rolls the
 * completion back and the task stays open (Tasklist shows the message, the REST API answers 400).
 */
@Component("lookedAfterTasks")
class LookedAfterTaskListener implements TaskListener {

    private static final Set<String> IRO = Set.of(Groups.IRO, Groups.ADMIN);
    private static final Set<String> MANAGERS = Set.of(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN);
    private static final Set<String> SOCIAL_WORKERS = Set.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.ADMIN);

    private record Step(Set<String> roles, Handler handler) {
    }

    @FunctionalInterface
    private interface Handler {
        Map<String, Object> handle(DelegateTask task, FormValues form, String userId);
    }

    private final IdentityService identity;
    private final Map<String, Step> steps;

    LookedAfterTaskListener(ReviewService reviews, VisitService visits, IdentityService identity) {
        this.identity = identity;
        this.steps = Map.of(
                "UserTask_ArrangeReview", new Step(IRO, (t, f, u) -> {
                    reviews.arrange(CareVariables.id(t, "reviewId"), f, u);
                    return Map.of();
                }),
                "UserTask_HoldReview", new Step(IRO, (t, f, u) -> reviews.hold(CareVariables.id(t, "reviewId"), f, u)),
                "UserTask_SignOffReview", new Step(MANAGERS, (t, f, u) -> {
                    reviews.signOff(CareVariables.id(t, "signOffId"), f, u);
                    return Map.of();
                }),
                "UserTask_RecordVisit", new Step(SOCIAL_WORKERS, (t, f, u) -> {
                    visits.record(CareVariables.id(t, "visitId"), f, u);
                    return Map.of();
                }));
    }

    @Override
    public void notify(DelegateTask task) {
        Step step = steps.get(task.getTaskDefinitionKey());
        if (step == null) {
            throw new IllegalStateException("No handler for task " + task.getTaskDefinitionKey());
        }
        String userId = completingUser(task, step);
        Map<String, Object> routing;
        try {
            routing = step.handler().handle(task, new FormValues(task.getVariables()), userId);
        } catch (BadRequestException e) {
            throw TaskRejection.invalid(e);
        }
        var execution = task.getExecution();
        execution.removeVariables(CareVariables.CASE_DATA.stream().filter(execution::hasVariable).toList());
        routing.forEach(execution::setVariable);
    }

    /** The signed-in user; engine calls without one (tests, the engine's own jobs) act as the assignee or "system". */
    private String completingUser(DelegateTask task, Step step) {
        var user = EngineUser.current(identity);
        if (user.isEmpty()) {
            return task.getAssignee() != null ? task.getAssignee() : "system";
        }
        if (step.roles().stream().noneMatch(user.get().groups()::contains)) {
            throw TaskRejection.forbidden("'" + task.getName() + "' is for " + String.join(" or ", step.roles()));
        }
        return user.get().id();
    }
}
