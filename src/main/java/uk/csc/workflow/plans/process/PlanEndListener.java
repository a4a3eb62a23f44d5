package uk.csc.workflow.plans.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseOutcome;
import uk.csc.workflow.platform.process.CaseVariables;

/**
 * Every end event of a plan names its outcome: {@code ${planEnded.record(execution, "CHILD_IN_NEED_PLAN")}}
 * records it on the case, and the case moves on (a child in need plan, the panel, closure) in the
 * same transaction.
 */
@Component("planEnded")
public class PlanEndListener {

    private final CaseFileService cases;

    PlanEndListener(CaseFileService cases) {
        this.cases = cases;
    }

    public void record(DelegateExecution execution, String outcome) {
        cases.endRoute(CaseVariables.id(execution, CaseVariables.CASE_ID), CaseOutcome.valueOf(outcome));
    }
}
