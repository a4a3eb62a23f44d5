package uk.csc.workflow.platform.security;

import java.util.List;
import java.util.Optional;

/**
 * The allow-list of the engine door: every engine REST call staff may make, through
 * {@code /engine-rest} and through the webapps' own {@code /camunda/api/engine/engine/default}
 * (Tasklist and Cockpit), and nothing else. Paths are the engine's, after the prefix:
 * {@code /task/{id}/complete}. {@code *} is one path segment, {@code **} any number.
 *
 * <p>Reads (GET, and POST queries) are filtered by the engine's authorizations, which follow the
 * case ({@link CaseAccess}), and audited ({@link EngineReadAudit}). The few changing calls are
 * those Tasklist needs, each with a check in {@link EngineDoor}: submitting a start form or a task
 * form (only that form's fields), claiming for oneself, a follow-up date, one's own account.
 * {@code camunda-admin} is not stopped at the door. The README lists the same calls.
 */
public final class EngineCalls {

    /** What a call does, and so what the door checks before letting it in. */
    public enum Kind {
        /** A GET: authorization-filtered by the engine; a read of a case is audited. */
        READ,
        /** A POST whose body is a query: as a read. */
        QUERY,
        /** Submitting a start form: a process startable in Tasklist, with a start form, only its fields. */
        START,
        /** Submitting or completing a task: only the task form's fields, its read-only fields unchanged. */
        COMPLETE,
        /** Claiming a task: for oneself only. */
        CLAIM,
        /** Giving a task back: only one's own. */
        UNCLAIM,
        /** Setting the assignee: oneself, or nobody instead of oneself. */
        ASSIGNEE,
        /** Updating a task: only its follow-up date may differ from the stored task. */
        FOLLOW_UP,
        /** Changing one's own profile or password. */
        OWN_ACCOUNT
    }

    record Call(String method, String pattern, Kind kind) {

        boolean matches(String requestMethod, List<String> segments) {
            return method.equals(requestMethod) && EngineCalls.matches(pattern, segments);
        }
    }

    private static final String GET = "GET";
    private static final String POST = "POST";
    private static final String PUT = "PUT";

    /** The history queries Cockpit and Tasklist post (a body instead of query parameters). */
    private static final List<String> HISTORY_QUERIES = List.of("process-instance", "task", "variable-instance",
            "activity-instance", "incident", "job-log", "detail", "decision-instance", "user-operation", "identity-link-log",
            "external-task-log", "batch", "case-instance", "case-activity-instance");

    static final List<Call> ALLOWED = allowed();

    private static List<Call> allowed() {
        List<Call> calls = new java.util.ArrayList<>(List.of(
                // Reads: Tasklist's lists, tasks, forms and history tab; Cockpit's views (read-only)
                new Call(GET, "/engine", Kind.READ),
                new Call(GET, "/task", Kind.READ),
                new Call(GET, "/task/**", Kind.READ),
                new Call(GET, "/filter", Kind.READ),
                new Call(GET, "/filter/**", Kind.READ),
                new Call(GET, "/process-definition", Kind.READ),
                new Call(GET, "/process-definition/**", Kind.READ),
                new Call(GET, "/process-instance", Kind.READ),
                new Call(GET, "/process-instance/**", Kind.READ),
                new Call(GET, "/execution", Kind.READ),
                new Call(GET, "/execution/**", Kind.READ),
                new Call(GET, "/variable-instance", Kind.READ),
                new Call(GET, "/variable-instance/**", Kind.READ),
                new Call(GET, "/history/**", Kind.READ),
                new Call(GET, "/job", Kind.READ),
                new Call(GET, "/job/**", Kind.READ),
                new Call(GET, "/job-definition", Kind.READ),
                new Call(GET, "/job-definition/**", Kind.READ),
                new Call(GET, "/incident", Kind.READ),
                new Call(GET, "/incident/**", Kind.READ),
                new Call(GET, "/external-task", Kind.READ),
                new Call(GET, "/external-task/**", Kind.READ),
                new Call(GET, "/decision-definition", Kind.READ),
                new Call(GET, "/decision-definition/**", Kind.READ),
                new Call(GET, "/decision-requirements-definition", Kind.READ),
                new Call(GET, "/decision-requirements-definition/**", Kind.READ),
                new Call(GET, "/case-definition", Kind.READ),
                new Call(GET, "/case-definition/**", Kind.READ),
                new Call(GET, "/deployment", Kind.READ),
                new Call(GET, "/deployment/**", Kind.READ),
                new Call(GET, "/batch", Kind.READ),
                new Call(GET, "/batch/**", Kind.READ),
                new Call(GET, "/user", Kind.READ),
                new Call(GET, "/user/count", Kind.READ),
                new Call(GET, "/user/*/profile", Kind.READ),
                new Call(GET, "/group", Kind.READ),
                new Call(GET, "/group/count", Kind.READ),
                new Call(GET, "/group/*", Kind.READ),
                new Call(GET, "/identity/groups", Kind.READ),
                new Call(GET, "/tenant", Kind.READ),
                new Call(GET, "/tenant/count", Kind.READ),
                new Call(GET, "/metrics/**", Kind.READ),
                new Call(GET, "/authorization/check", Kind.READ),
                new Call(GET, "/version", Kind.READ),
                // Queries sent as a body
                new Call(POST, "/task", Kind.QUERY),
                new Call(POST, "/task/count", Kind.QUERY),
                new Call(POST, "/filter/*/list", Kind.QUERY),
                new Call(POST, "/filter/*/count", Kind.QUERY),
                new Call(POST, "/filter/*/singleResult", Kind.QUERY),
                new Call(POST, "/process-instance", Kind.QUERY),
                new Call(POST, "/process-instance/count", Kind.QUERY),
                new Call(POST, "/execution", Kind.QUERY),
                new Call(POST, "/execution/count", Kind.QUERY),
                new Call(POST, "/variable-instance", Kind.QUERY),
                new Call(POST, "/variable-instance/count", Kind.QUERY),
                new Call(POST, "/job", Kind.QUERY),
                new Call(POST, "/job/count", Kind.QUERY),
                new Call(POST, "/job-definition", Kind.QUERY),
                new Call(POST, "/job-definition/count", Kind.QUERY),
                new Call(POST, "/external-task", Kind.QUERY),
                new Call(POST, "/external-task/count", Kind.QUERY),
                // The changes Tasklist makes, each checked by the door
                new Call(POST, "/process-definition/*/submit-form", Kind.START),
                new Call(POST, "/process-definition/key/*/submit-form", Kind.START),
                new Call(POST, "/task/*/submit-form", Kind.COMPLETE),
                new Call(POST, "/task/*/complete", Kind.COMPLETE),
                new Call(POST, "/task/*/claim", Kind.CLAIM),
                new Call(POST, "/task/*/unclaim", Kind.UNCLAIM),
                new Call(POST, "/task/*/assignee", Kind.ASSIGNEE),
                new Call(PUT, "/task/*", Kind.FOLLOW_UP),
                new Call(PUT, "/user/*/profile", Kind.OWN_ACCOUNT),
                new Call(PUT, "/user/*/credentials", Kind.OWN_ACCOUNT)));
        for (String query : HISTORY_QUERIES) {
            calls.add(new Call(POST, "/history/" + query, Kind.QUERY));
            calls.add(new Call(POST, "/history/" + query + "/count", Kind.QUERY));
        }
        return List.copyOf(calls);
    }

    /** Why a call outside the list is refused, by what it would do; the first that matches says it. */
    private record Refusal(String pattern, String reason) {
    }

    private static final List<Refusal> REFUSALS = List.of(
            new Refusal("/**/variables/**", "Process data changes only when a task's form is submitted: setting or deleting "
                    + "variables directly could re-route a case."),
            new Refusal("/**/localVariables/**", "Process data changes only when a task's form is submitted: setting or deleting "
                    + "variables directly could re-route a case."),
            new Refusal("/**/modification", "Only an administrator moves a running process to another step."),
            new Refusal("/process-definition/**", "Staff start a case from its Tasklist start form; the other processes are "
                    + "started by the system."),
            new Refusal("/process-instance/**", "Only an administrator changes, suspends or cancels a running process."),
            new Refusal("/migration/**", "Only an administrator migrates processes."),
            new Refusal("/modification/**", "Only an administrator moves a running process to another step."),
            new Refusal("/message/**", "Messages, signals and conditions are sent by the system, not by staff."),
            new Refusal("/signal/**", "Messages, signals and conditions are sent by the system, not by staff."),
            new Refusal("/condition/**", "Messages, signals and conditions are sent by the system, not by staff."),
            new Refusal("/execution/**", "Messages, signals and conditions are sent by the system, not by staff."),
            new Refusal("/job/**", "Timers and retries are run by the system; an administrator retries a failed job."),
            new Refusal("/job-definition/**", "Timers and retries are run by the system; an administrator retries a failed job."),
            new Refusal("/external-task/**", "External tasks are worked by the system."),
            new Refusal("/deployment/**", "Models and forms are deployed by a release, not by staff."),
            new Refusal("/task/*/identity-links/**", "Who may work on a task comes from the case (its team and the task's role), "
                    + "not from a call."),
            new Refusal("/task/*/delegate", "A task is worked by the case's team: it cannot be handed to another person."),
            new Refusal("/task/*/resolve", "A task is worked by the case's team: it cannot be handed to another person."),
            new Refusal("/task/*/comment/**", "Notes about a child belong in the case file, not in the engine's history."),
            new Refusal("/task/*/attachment/**", "Notes about a child belong in the case file, not in the engine's history."),
            new Refusal("/task/*/bpmnError", "A task ends when its form is submitted."),
            new Refusal("/task/*/bpmnEscalation", "A task ends when its form is submitted."),
            new Refusal("/task/**", "Tasks are created, changed and removed by the processes: staff claim them and submit their forms."),
            new Refusal("/filter/**", "Tasklist's filters are set up by the system."),
            new Refusal("/authorization/**", "Users, groups and permissions are administered in Admin by an administrator."),
            new Refusal("/user/**", "Users, groups and permissions are administered in Admin by an administrator."),
            new Refusal("/group/**", "Users, groups and permissions are administered in Admin by an administrator."),
            new Refusal("/tenant/**", "Users, groups and permissions are administered in Admin by an administrator."),
            new Refusal("/history/**", "Engine history is kept and removed by the system."));

    private EngineCalls() {
    }

    /** The kind of an allowed call, or empty when staff may not make it. */
    public static Optional<Kind> kindOf(String method, List<String> segments) {
        return ALLOWED.stream().filter(c -> c.matches(method, segments)).map(Call::kind).findFirst();
    }

    /** A sentence saying why a call that is not allowed is refused. */
    public static String refusal(List<String> segments) {
        return REFUSALS.stream().filter(r -> matches(r.pattern(), segments)).map(Refusal::reason).findFirst()
                .orElse("This engine call is not open to staff accounts (see \"The engine door\" in the README).");
    }

    /** {@code *} matches one segment, {@code **} any number (also none), anything else itself. */
    static boolean matches(String pattern, List<String> segments) {
        List<String> parts = List.of(pattern.substring(1).split("/"));
        return matches(parts, 0, segments, 0);
    }

    private static boolean matches(List<String> parts, int p, List<String> segments, int s) {
        if (p == parts.size()) {
            return s == segments.size();
        }
        String part = parts.get(p);
        if (part.equals("**")) {
            for (int next = s; next <= segments.size(); next++) {
                if (matches(parts, p + 1, segments, next)) {
                    return true;
                }
            }
            return false;
        }
        if (s == segments.size()) {
            return false;
        }
        return (part.equals("*") || part.equals(segments.get(s))) && matches(parts, p + 1, segments, s + 1);
    }
}
