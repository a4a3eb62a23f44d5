package uk.csc.workflow.escalation.process;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import uk.csc.workflow.escalation.EscalationLevel;
import uk.csc.workflow.escalation.EscalationTasks;
import uk.csc.workflow.escalation.StatutoryEscalationModel;

/** Each escalation is a small process: the manager acknowledges it, then records how it was resolved. */
@Component
class CamundaEscalationTasks implements EscalationTasks {


    private final RuntimeService runtime;

    CamundaEscalationTasks(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void open(long escalationId, String caseRef, String rule, EscalationLevel level, LocalDate dueOn,
                     List<String> candidateUsers, List<String> candidateGroups) {
        runtime.startProcessInstanceByKey(StatutoryEscalationModel.PROCESS_ID, caseRef, Map.of(
                "escalationId", escalationId,
                "caseRef", caseRef,
                "rule", rule,
                "level", level.name(),
                "dueOn", dueOn.toString(),
                "candidateUsers", candidateUsers,
                "candidateGroups", candidateGroups));
    }
}
