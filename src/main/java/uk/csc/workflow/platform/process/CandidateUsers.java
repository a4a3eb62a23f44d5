package uk.csc.workflow.platform.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Users named in a process variable for a task's {@code camunda:candidateUsers} expression (the
 * team's managers, the lead practitioners), kept in the form the engine reads most cheaply: its own
 * comma-separated text. A list variable is a JSON byte array, so every task naming it read a
 * byte-array row, parsed the JSON and first looked for a class called
 * {@code java.util.ArrayList<java.lang.String>} on the whole class path before giving up (Spin's
 * way of resolving a generic type): 5% of a completion's CPU in the profile, and two more rows
 * (the value and its history copy) for every case. The text is a variable's own column.
 *
 * <p>Nobody, though, cannot be written as text: the engine reads {@code ""} as one candidate with an
 * empty id. So an empty list stays a list (rare for managers: a team without one, where the
 * service managers' group takes the task). Instances started before this keep their list variable
 * until a team move rewrites it; the engine takes either.
 */
public final class CandidateUsers {

    private CandidateUsers() {
    }

    /** The variable's value for these user ids: their comma-separated text, or an empty list for nobody. */
    public static Object of(List<String> userIds) {
        if (userIds.isEmpty()) {
            return new ArrayList<String>();
        }
        for (String id : userIds) {
            if (id == null || id.isBlank() || id.contains(",")) {
                throw new IllegalArgumentException("A candidate user id must be neither blank nor contain a comma: '" + id + "'");
            }
        }
        return String.join(",", userIds);
    }
}
