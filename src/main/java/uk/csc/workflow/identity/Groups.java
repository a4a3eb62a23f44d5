package uk.csc.workflow.identity;

import java.util.List;

/** Camunda group ids: role groups say what a user does, team groups which cases they may see. */
public final class Groups {

    public static final String PRACTITIONER = "practitioner";
    public static final String TEAM_MANAGER = "team-manager";
    public static final String SERVICE_MANAGER = "service-manager";
    public static final String PANEL_CHAIR = "panel-chair";
    public static final String IRO = "iro";
    public static final String MASH = "mash";
    /**
     * Lead child protection practitioners (Children's Wellbeing and Schools Act 2026 s3): experienced social workers
     * who lead a multi-agency child protection team's work on a child. Team-scoped like practitioners: a lead is a
     * member of a team group too, and leads that team's cases.
     */
    public static final String LEAD_CP_PRACTITIONER = "lead-cp-practitioner";
    /** The police members of the multi-agency child protection teams: their contribution tasks only. */
    public static final String MACT_POLICE = "mact-police";
    /** The health members of the multi-agency child protection teams: their contribution tasks only. */
    public static final String MACT_HEALTH = "mact-health";
    /** The education members of the multi-agency child protection teams: their contribution tasks only. */
    public static final String MACT_EDUCATION = "mact-education";
    public static final String ADMIN = "camunda-admin";
    /** Reads the audit trail (GET /api/audit) and nothing else. */
    public static final String AUDITOR = "auditor";
    /** The performance team: produces the statutory returns (SSDA903, CIN census, Annex A) and reads their error lists. */
    public static final String PERFORMANCE = "performance";

    public static final String TEAM_NORTH = "team-north";
    public static final String TEAM_SOUTH = "team-south";

    public static final String TEAM_PREFIX = "team-";

    public static final List<String> ROLES =
            List.of(PRACTITIONER, TEAM_MANAGER, SERVICE_MANAGER, PANEL_CHAIR, IRO, MASH, ADMIN, AUDITOR, PERFORMANCE,
                    LEAD_CP_PRACTITIONER, MACT_POLICE, MACT_HEALTH, MACT_EDUCATION);
    /** The agency members of the multi-agency child protection teams. */
    public static final List<String> MACT_AGENCIES = List.of(MACT_POLICE, MACT_HEALTH, MACT_EDUCATION);
    public static final List<String> TEAMS = List.of(TEAM_NORTH, TEAM_SOUTH);

    private Groups() {
    }

    public static boolean isTeam(String groupId) {
        return groupId.startsWith(TEAM_PREFIX);
    }
}
