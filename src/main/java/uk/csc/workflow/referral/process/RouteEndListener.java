package uk.csc.workflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseOutcome;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.referral.ReferralService;

/**
 * Every end event names its outcome: {@code ${routeEnded.record(execution, "CHILD_IN_NEED_PLAN")}}
 * as its end listener records it on the case.
 */
@Component("routeEnded")
public class RouteEndListener {

    private final ReferralService referrals;

    RouteEndListener(ReferralService referrals) {
        this.referrals = referrals;
    }

    public void record(DelegateExecution execution, String outcome) {
        long caseId = ((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue();
        referrals.endRoute(caseId, CaseOutcome.valueOf(outcome));
    }
}
