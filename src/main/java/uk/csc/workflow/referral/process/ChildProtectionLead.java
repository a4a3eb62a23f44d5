package uk.csc.workflow.referral.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.referral.ReferralToAssessmentModel.Variables;

/**
 * {@code ${childProtectionLead.of(execution)}}: who completes the s47 enquiry. With a multi-agency team, the lead
 * child protection practitioner who led the strategy discussion; otherwise (and on routes that started before
 * the setting existed) the allocated social worker, as before.
 */
@Component("childProtectionLead")
public class ChildProtectionLead {

    public String of(VariableScope scope) {
        Object lead = scope.getVariable(Variables.LEAD_PRACTITIONER);
        if (ChildProtectionWay.multiAgency(scope) && lead != null) {
            return lead.toString();
        }
        Object worker = scope.getVariable(CaseVariables.WORKER);
        return worker == null ? null : worker.toString();
    }
}
