package uk.csc.workflow.platform.process;

/**
 * Process variables that a feature keeps in its own tables, so that the engine's history need not
 * keep a second copy of them. A bean of this type widens {@link CaseDataHistory}'s filter beyond
 * the contracts' case data: every history event of a variable it covers is dropped, while the
 * runtime variable (which timers and forms read) is untouched.
 */
public interface RecordedOutsideHistory {

    /** Whether the engine's history may leave this variable out. */
    boolean covers(String variableName);
}
