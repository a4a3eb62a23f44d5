package uk.csc.workflow.escalation;

import java.time.LocalDate;
import java.util.List;

/** Puts an escalation in front of the managers who must act on it (a Tasklist task). */
public interface EscalationTasks {

    /**
     * @param team the case's team, whose grants the task's process gets
     * @return the process instance that holds the escalation's tasks, recorded on the escalation
     */
    String open(long escalationId, String caseRef, String team, String rule, EscalationLevel level, LocalDate dueOn,
                List<String> candidateUsers, List<String> candidateGroups);
}
