package uk.csc.workflow.escalation;

import java.time.LocalDate;
import java.util.List;

/** Puts an escalation in front of the managers who must act on it (a Tasklist task). */
public interface EscalationTasks {

    void open(long escalationId, String caseRef, String rule, EscalationLevel level, LocalDate dueOn,
              List<String> candidateUsers, List<String> candidateGroups);
}
