package uk.csc.workflow.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import uk.csc.workflow.referral.ReferralCodes.ProposedResponse;
import uk.csc.workflow.referral.ReferralService;
import uk.csc.workflow.referral.ReferralToAssessmentModel;

/** Keeps the decision table's proposal on the contact, beside the manager's decision. */
@Component("recordProposedResponse")
class ProposedResponseListener implements ExecutionListener {

    private final ReferralService referrals;

    ProposedResponseListener(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long contactId = ((Number) execution.getVariable(ReferralToAssessmentModel.Variables.CONTACT_ID)).longValue();
        referrals.proposeResponse(contactId, ProposedResponse.valueOf((String) execution.getVariable(ReferralToAssessmentModel.Variables.PROPOSED_RESPONSE)));
    }
}
