package uk.csc.workflow.escalation.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseTeamChanged;
import uk.csc.workflow.escalation.EscalationLevel;
import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.identity.StaffDirectory;

/**
 * A case moved team: an open escalation to the team manager names the new team's managers for its
 * next task (the open task's candidates and the grants are moved by the platform's CaseFileAccess).
 */
@Component
class EscalationTeamMove {

    private final RuntimeService runtime;
    private final StaffDirectory staff;

    EscalationTeamMove(RuntimeService runtime, StaffDirectory staff) {
        this.runtime = runtime;
        this.staff = staff;
    }

    @EventListener
    public void teamChanged(CaseTeamChanged changed) {
        var managers = staff.teamManagers(changed.to());
        runtime.createProcessInstanceQuery().processDefinitionKey(StatutoryEscalationModel.PROCESS_ID)
                .processInstanceBusinessKey(changed.caseRef()).list().stream()
                .filter(pi -> EscalationLevel.TEAM_MANAGER.name().equals(runtime.getVariable(pi.getId(), StatutoryEscalationModel.Variables.LEVEL)))
                .forEach(pi -> runtime.setVariable(pi.getId(), StatutoryEscalationModel.Variables.CANDIDATE_USERS, new java.util.ArrayList<>(managers)));
    }
}
