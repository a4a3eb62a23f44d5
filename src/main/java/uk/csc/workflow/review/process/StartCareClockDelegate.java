package uk.csc.workflow.review.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.clocks.process.ClockVariables;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.review.CareClock;
import uk.csc.workflow.review.LookedAfterReviewsModel;
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
        long periodId = CaseVariables.id(execution, LookedAfterReviewsModel.Variables.PERIOD_ID);
        String clock = execution.getVariableLocal(LookedAfterReviewsModel.Variables.CLOCK).toString();
        switch (clock) {
            case LookedAfterReviewsModel.ClockInputs.REVIEW -> {
                CareClock review = reviews.scheduleNext(periodId);
                set(execution, LookedAfterReviewsModel.Clocks.REVIEW, review);
                execution.setVariable(LookedAfterReviewsModel.Variables.REVIEW_INVITE_AT, Date.from(review.inviteAt()));
                execution.setVariable(LookedAfterReviewsModel.Variables.ARRANGE_NOW, review.arrangeNow());
            }
            case LookedAfterReviewsModel.ClockInputs.SIGN_OFF -> set(execution, LookedAfterReviewsModel.Clocks.SIGN_OFF,
                    reviews.startSignOff(CaseVariables.id(execution, LookedAfterReviewsModel.Variables.SIGN_OFF_ID)));
            case LookedAfterReviewsModel.ClockInputs.VISIT -> set(execution, LookedAfterReviewsModel.Clocks.VISIT, visits.scheduleNext(periodId));
            default -> throw new IllegalStateException("Unknown clock " + clock);
        }
    }

    private static void set(DelegateExecution execution, String prefix, CareClock clock) {
        execution.setVariable(prefix + "Id", clock.recordId());
        execution.setVariable(prefix + "Number", clock.number());
        execution.setVariable(prefix + "Rule", clock.rule());
        execution.setVariable(prefix + "Occurrence", clock.occurrence());
        ClockVariables.set(execution, prefix, clock.dueOn(), clock.dueAt(), clock.remindAt(), clock.serviceManagerAt());
    }
}
