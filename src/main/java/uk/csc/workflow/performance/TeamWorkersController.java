package uk.csc.workflow.performance;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileAccess;
import uk.csc.workflow.casefile.TeamWorkers;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.platform.web.NotFoundException;

/**
 * Allocation by choice: a team's social workers with their caseloads and nearest deadlines
 * ({@link TeamWorkers}), for the team's managers and the city-wide managers. Audited.
 */
@RestController
class TeamWorkersController {

    private final StaffDirectory staff;
    private final TeamWorkers workers;
    private final AuditLog audit;

    TeamWorkersController(StaffDirectory staff, TeamWorkers workers, AuditLog audit) {
        this.staff = staff;
        this.workers = workers;
        this.audit = audit;
    }

    @GetMapping("/api/teams/{team}/workers")
    List<TeamWorkers.Worker> workers(@PathVariable String team) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (!Groups.isTeam(team) || staff.groupName(team).isEmpty() || Groups.ROLES.contains(team)) {
            throw new NotFoundException("No team " + team);
        }
        boolean manager = user.isIn(Groups.TEAM_MANAGER) && user.groups().contains(team);
        if (!manager && !CaseFileAccess.seesEveryCase(user)) {
            throw new AccessDeniedException("The workers of " + team + " are for its managers");
        }
        audit.record(user.id(), AuditLog.Action.READ, "TEAM", team, "practitioners and their caseloads");
        return workers.of(team);
    }
}
