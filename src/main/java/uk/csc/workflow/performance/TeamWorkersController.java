package uk.csc.workflow.performance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileAccess;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeLabels.Coded;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.NotFoundException;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * Allocation by choice: a team's social workers, each with their open caseload and their nearest
 * statutory deadline, for the manager choosing who takes a case. For the team's managers and the
 * city-wide managers.
 */
@RestController
class TeamWorkersController {

    /** The nearest open statutory deadline of any of the worker's open cases. */
    record NearestDeadline(String caseRef, Coded rule, LocalDate dueOn, int workingDaysLeft, boolean overdue) {
    }

    record Worker(String userId, String name, int openCases, NearestDeadline nearestDeadline) {
    }

    private final StaffDirectory staff;
    private final JdbcClient jdbc;
    private final StatutoryTimescales timescales;
    private final TimeSource time;
    private final AuditLog audit;

    TeamWorkersController(StaffDirectory staff, JdbcClient jdbc, StatutoryTimescales timescales, TimeSource time, AuditLog audit) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.timescales = timescales;
        this.time = time;
        this.audit = audit;
    }

    @GetMapping("/api/teams/{team}/workers")
    @Transactional
    List<Worker> workers(@PathVariable String team) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (!Groups.isTeam(team) || staff.groupName(team).isEmpty() || Groups.ROLES.contains(team)) {
            throw new NotFoundException("No team " + team);
        }
        boolean manager = user.isIn(Groups.TEAM_MANAGER) && user.groups().contains(team);
        if (!manager && !CaseFileAccess.seesEveryCase(user)) {
            throw new AccessDeniedException("The workers of " + team + " are for its managers");
        }
        List<StaffDirectory.StaffMember> practitioners = staff.practitioners(team);
        audit.record(user.id(), AuditLog.Action.READ, "TEAM", team, "practitioners and their caseloads");
        if (practitioners.isEmpty()) {
            return List.of();
        }
        List<String> ids = practitioners.stream().map(StaffDirectory.StaffMember::id).toList();
        Map<String, Integer> open = new HashMap<>();
        jdbc.sql("SELECT worker, COUNT(*) FROM care_case WHERE closed_at IS NULL AND worker IN (:ids) GROUP BY worker")
                .param("ids", ids).query((java.sql.ResultSet rs) -> {
                    open.put(rs.getString(1), rs.getInt(2));
                });
        LocalDate today = time.today();
        Map<String, NearestDeadline> nearest = new HashMap<>();
        jdbc.sql("""
                SELECT c.worker, c.case_ref, d.rule, d.due_on FROM care_case c JOIN statutory_deadline d ON d.case_id = c.id
                WHERE c.closed_at IS NULL AND d.completed_on IS NULL AND c.worker IN (:ids) ORDER BY d.due_on, d.id""")
                .param("ids", ids).query((java.sql.ResultSet rs) -> {
                    LocalDate due = rs.getObject(4, LocalDate.class);
                    nearest.putIfAbsent(rs.getString(1), new NearestDeadline(rs.getString(2), CodeLabels.coded(CodeLabels.RULE, rs.getString(3)),
                            due, due.isBefore(today) ? -timescales.calendar().workingDaysBetween(due, today)
                            : timescales.calendar().workingDaysBetween(today, due), due.isBefore(today)));
                });
        return practitioners.stream().map(p -> new Worker(p.id(), p.name(), open.getOrDefault(p.id(), 0), nearest.get(p.id())))
                .toList();
    }
}
