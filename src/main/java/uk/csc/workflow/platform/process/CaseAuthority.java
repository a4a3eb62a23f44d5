package uk.csc.workflow.platform.process;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Which case a process works on and who may act on it, answered from the case tables (the case
 * file implements it), never from process variables a caller could have sent.
 */
public interface CaseAuthority {

    /** The case of a process instance, by the instance's business key: the case reference the system set. */
    Optional<WorkedCase> caseOf(String caseRef);

    /**
     * Whether a user in {@code groups} may complete a step of a case of {@code team}; the step is for
     * {@code stepRoles} (empty: any role). Members of the team may; roles that work across the city
     * may where the step is theirs.
     */
    boolean mayWorkOn(String team, Collection<String> groups, Set<String> stepRoles);

    /** The case as the case file has it. */
    record WorkedCase(long caseId, String caseRef, String team) {
    }
}
