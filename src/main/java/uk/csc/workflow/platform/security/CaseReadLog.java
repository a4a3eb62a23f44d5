package uk.csc.workflow.platform.security;

import java.util.Set;

/**
 * Where reads of a case through the engine's REST API are recorded: the case file's audit trail
 * implements it. The platform knows business keys (case references), not cases.
 */
public interface CaseReadLog {

    /**
     * @param caseRefs business keys of the process instances the answer showed; those that are no case are ignored
     * @param what     what was read, as the engine path (ids, never values)
     */
    void engineRead(String userId, Set<String> caseRefs, String what);
}
