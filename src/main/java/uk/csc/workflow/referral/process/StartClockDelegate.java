package uk.csc.workflow.referral.process;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.escalation.StatutoryClockStarted;
import uk.csc.workflow.escalation.process.ClockVariables;
import uk.csc.workflow.referral.ReferralCodes.AssessmentKind;
import uk.csc.workflow.referral.ReferralService;

/**
 * Starts a statutory clock (input parameters {@code rule} and {@code startedOn}) or, with the
 * parameter {@code assessment}, an assessment and its clock. The timers read the variables it sets.
 */
@Component("startStatutoryClock")
class StartClockDelegate implements JavaDelegate {

    private final ReferralService referrals;

    StartClockDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable("caseId")).longValue();
        LocalDate from = LocalDate.parse(execution.getVariableLocal("startedOn").toString());
        Object assessment = execution.getVariableLocal("assessment");
        StatutoryClockStarted clock;
        if (assessment != null) {
            clock = referrals.startAssessment(caseId, AssessmentKind.valueOf(assessment.toString()), from);
            execution.setVariable("assessmentDueOn", clock.dueOn().toString());
        } else {
            clock = referrals.startClock(caseId, execution.getVariableLocal("rule").toString(), from);
        }
        if ("ICPC".equals(clock.rule())) {
            referrals.recordIcpcDue(caseId, clock.dueOn());
            execution.setVariable("icpcDueOn", clock.dueOn().toString());
        }
        ClockVariables.set(execution, clock);
    }

}
