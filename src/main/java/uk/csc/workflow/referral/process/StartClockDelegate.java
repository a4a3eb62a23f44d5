package uk.csc.workflow.referral.process;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.escalation.StatutoryClockStarted;
import uk.csc.workflow.escalation.process.ClockVariables;
import uk.csc.workflow.referral.ReferralCodes.AssessmentKind;
import uk.csc.workflow.referral.ReferralService;

/**
 * Starts a statutory clock ({@code camunda:field rule}, {@code startedOn}) or, with field
 * {@code assessment}, an assessment and its clock. The timers read the variables it sets.
 */
@Component("startStatutoryClock")
class StartClockDelegate implements JavaDelegate {

    private final ReferralService referrals;

    private Expression rule;
    private Expression assessment;
    private Expression startedOn;

    StartClockDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable("caseId")).longValue();
        LocalDate from = LocalDate.parse(startedOn.getValue(execution).toString());
        StatutoryClockStarted clock;
        if (assessment != null) {
            clock = referrals.startAssessment(caseId, AssessmentKind.valueOf(assessment.getValue(execution).toString()), from);
            execution.setVariable("assessmentDueOn", clock.dueOn().toString());
        } else {
            clock = referrals.startClock(caseId, rule.getValue(execution).toString(), from);
        }
        if ("ICPC".equals(clock.rule())) {
            referrals.recordIcpcDue(caseId, clock.dueOn());
            execution.setVariable("icpcDueOn", clock.dueOn().toString());
        }
        ClockVariables.set(execution, clock);
    }

    public void setRule(Expression rule) {
        this.rule = rule;
    }

    public void setAssessment(Expression assessment) {
        this.assessment = assessment;
    }

    public void setStartedOn(Expression startedOn) {
        this.startedOn = startedOn;
    }
}
