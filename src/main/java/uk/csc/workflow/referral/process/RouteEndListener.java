package uk.csc.workflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseOutcome;
import uk.csc.workflow.referral.ReferralService;

/** Every end event names its outcome ({@code camunda:field outcome}); the case records it. */
@Component("routeEnded")
class RouteEndListener implements ExecutionListener {

    private final ReferralService referrals;

    private Expression outcome;

    RouteEndListener(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable("caseId")).longValue();
        referrals.endRoute(caseId, CaseOutcome.valueOf(outcome.getValue(execution).toString()));
    }

    public void setOutcome(Expression outcome) {
        this.outcome = outcome;
    }
}
