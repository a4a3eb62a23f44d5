package uk.csc.workflow.escalation;

/** The escalation ladder of DOMAIN.md section 3. */
public enum EscalationLevel {
    /** One working day before the deadline: the allocated worker (or the team, before allocation). */
    REMINDER,
    /** At the deadline: the team manager. */
    TEAM_MANAGER,
    /** Some working days after it, if still not done: the service manager. */
    SERVICE_MANAGER
}
