package uk.csc.workflow.platform.process;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A read-only view of a task's or execution's variables that fetches each one only when asked.
 * A form's handler reads a dozen submitted fields; {@code getVariables()} would load and
 * deserialize every variable of the instance for it (the team managers' list, the allocation
 * pick-list's JSON), which was about a tenth of a completion's CPU time. Resolution is the same:
 * the task's own variables, then its execution's and their parents'.
 */
public final class ScopeVariables extends AbstractMap<String, Object> {

    private final VariableScope scope;

    private ScopeVariables(VariableScope scope) {
        this.scope = scope;
    }

    public static Map<String, Object> of(VariableScope scope) {
        return new ScopeVariables(scope);
    }

    @Override
    public Object get(Object name) {
        return name instanceof String variable ? scope.getVariable(variable) : null;
    }

    @Override
    public boolean containsKey(Object name) {
        return name instanceof String variable && scope.hasVariable(variable);
    }

    /** Iteration needs every variable: it loads them all, as {@code getVariables()} would. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        return scope.getVariables().entrySet();
    }
}
