package uk.csc.workflow.review.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.review.CareClock;
import uk.csc.workflow.review.ReviewService;
import uk.csc.workflow.review.VisitService;

/**
 * Schedules the next review, the sign-off of the review just held, or the next visit (input
 * parameter {@code clock}: REVIEW, SIGN_OFF or VISIT) and puts its clock where the timers read it:
 * {@code reviewDueAt}, {@code signOffRemindAt}, {@code visitServiceManagerAt} and so on. Those
 * variables are declared on the enclosing sub-process, so each review or visit keeps its own.
 */
@Component("startCareClock")
class StartCareClockDelegate implements JavaDelegate {

    private final ReviewService reviews;
    private final VisitService visits;

    StartCareClockDelegate(ReviewService reviews, VisitService visits) {
        this.reviews = reviews;
        this.visits = visits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long periodId = CareVariables.periodId(execution);
        String clock = execution.getVariableLocal("clock").toString();
        switch (clock) {
            case "REVIEW" -> {
                CareClock review = reviews.scheduleNext(periodId);
                set(execution, "review", review);
                execution.setVariable("reviewInviteAt", Date.from(review.inviteAt()));
                execution.setVariable("arrangeNow", review.arrangeNow());
            }
            case "SIGN_OFF" -> set(execution, "signOff",
                    reviews.startSignOff(CareVariables.id(execution, "signOffId")));
            case "VISIT" -> set(execution, "visit", visits.scheduleNext(periodId));
            default -> throw new IllegalStateException("Unknown clock " + clock);
        }
    }

    private static void set(DelegateExecution execution, String prefix, CareClock clock) {
        execution.setVariable(prefix + "Id", clock.recordId());
        execution.setVariable(prefix + "Number", clock.number());
        execution.setVariable(prefix + "Rule", clock.rule());
        execution.setVariable(prefix + "Occurrence", clock.occurrence());
        execution.setVariable(prefix + "DueOn", clock.dueOn().toString());
        execution.setVariable(prefix + "DueAt", Date.from(clock.dueAt()));
        execution.setVariable(prefix + "RemindAt", Date.from(clock.remindAt()));
        execution.setVariable(prefix + "ServiceManagerAt", Date.from(clock.serviceManagerAt()));
    }
}
