package uk.csc.workflow.escalation.process;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import uk.csc.workflow.escalation.EscalationLevel;
import uk.csc.workflow.escalation.EscalationTasks;
import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.platform.security.CaseAccess;

/**
 * Each escalation is a small process: the manager acknowledges it, then records how it was resolved.
 * Its instance is readable by the case's team, the service managers and whoever else is told.
 */
@Component
class CamundaEscalationTasks implements EscalationTasks {

    private final RuntimeService runtime;
    private final CaseAccess access;

    CamundaEscalationTasks(RuntimeService runtime, CaseAccess access) {
        this.runtime = runtime;
        this.access = access;
    }

    @Override
    public String open(long escalationId, String caseRef, String team, String rule, EscalationLevel level, LocalDate dueOn,
                       List<String> candidateUsers, List<String> candidateGroups) {
        String id = runtime.startProcessInstanceByKey(StatutoryEscalationModel.PROCESS_ID, caseRef, Map.of(
                StatutoryEscalationModel.Variables.ESCALATION_ID, escalationId,
                CaseVariables.CASE_REF, caseRef,
                StatutoryEscalationModel.Variables.RULE, rule,
                StatutoryEscalationModel.Variables.LEVEL, level.name(),
                StatutoryEscalationModel.Variables.DUE_ON, dueOn.toString(),
                StatutoryEscalationModel.Variables.CANDIDATE_USERS, candidateUsers,
                StatutoryEscalationModel.Variables.CANDIDATE_GROUPS, candidateGroups)).getId();
        Set<String> readers = new LinkedHashSet<>(List.of(Groups.SERVICE_MANAGER));
        readers.addAll(candidateGroups);
        access.open(id, team, readers);
        return id;
    }
}
