package uk.csc.workflow.referral.process;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.clocks.StatutoryClockStarted;
import uk.csc.workflow.clocks.process.ClockVariables;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.referral.ReferralCodes.AssessmentKind;
import uk.csc.workflow.referral.ReferralService;
import uk.csc.workflow.referral.ReferralToAssessmentModel;

/**
 * Starts an assessment (input parameters {@code assessment}: INITIAL, CORE or SINGLE, and
 * {@code startedOn}) with its statutory clock. The timers read the variables it sets.
 */
@Component("startAssessment")
class StartAssessmentDelegate implements JavaDelegate {

    private final ReferralService referrals;

    StartAssessmentDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue();
        LocalDate from = LocalDate.parse(execution.getVariableLocal(ClockVariables.STARTED_ON).toString());
        StatutoryClockStarted clock = referrals.startAssessment(caseId,
                AssessmentKind.valueOf(execution.getVariableLocal("assessment").toString()), from);
        ClockVariables.set(execution, clock);
        ClockVariables.showDueOnAs(execution, ReferralToAssessmentModel.CLOCK_ASSESSMENT, clock);
    }
}
