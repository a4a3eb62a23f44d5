package uk.csc.workflow.referral.process;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.platform.process.CandidateUsers;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.referral.MultiAgencyChildProtectionSetting;
import uk.csc.workflow.referral.ReferralToAssessmentModel.Variables;

/**
 * {@code ${fixChildProtectionWay}}: where a case's strategy discussion opens, reads the setting
 * {@code csc.child-protection.multi-agency} once and fixes it on the route ({@code multiAgencyChildProtection}),
 * so switching the setting never changes a case under way. With a multi-agency team, the team's lead child
 * protection practitioners (members of {@code lead-cp-practitioner} and the case's team group, from the user
 * store) are offered the strategy discussion ({@code leadPractitioners}).
 */
@Component("fixChildProtectionWay")
class ChildProtectionWay implements JavaDelegate {

    private final MultiAgencyChildProtectionSetting setting;
    private final StaffDirectory staff;

    ChildProtectionWay(MultiAgencyChildProtectionSetting setting, StaffDirectory staff) {
        this.setting = setting;
        this.staff = staff;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean multiAgency = setting.forNewStrategyDiscussions();
        execution.setVariable(Variables.MULTI_AGENCY_CHILD_PROTECTION, multiAgency);
        execution.setVariable(Variables.LEAD_PRACTITIONERS, multiAgency
                ? CandidateUsers.of(staff.membersOf(Groups.LEAD_CP_PRACTITIONER, (String) execution.getVariable(CaseVariables.TEAM)))
                : new ArrayList<String>());
    }

    /** Whether the route runs with a multi-agency team (a route that never passed the fix step does not). */
    static boolean multiAgency(VariableScope scope) {
        return Boolean.TRUE.equals(scope.getVariable(Variables.MULTI_AGENCY_CHILD_PROTECTION));
    }
}
