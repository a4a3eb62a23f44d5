package uk.csc.workflow.casefile;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeLabels.Coded;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * Allocation by choice: a team's social workers, each with their open caseload and their nearest
 * open statutory deadline, for the manager choosing who takes a case (the allocation form's list
 * and {@code GET /api/teams/{team}/workers}). Who may read it is the caller's to check.
 */
@Service
public class TeamWorkers {

    /** The nearest open statutory deadline of any of the worker's open cases. */
    public record NearestDeadline(String caseRef, Coded rule, LocalDate dueOn, int workingDaysLeft, boolean overdue) {
    }

    public record Worker(String userId, String name, int openCases, NearestDeadline nearestDeadline) {
    }

    private final StaffDirectory staff;
    private final JdbcClient jdbc;
    private final StatutoryTimescales timescales;
    private final TimeSource time;

    TeamWorkers(StaffDirectory staff, JdbcClient jdbc, StatutoryTimescales timescales, TimeSource time) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.timescales = timescales;
        this.time = time;
    }

    @Transactional(readOnly = true)
    public List<Worker> of(String team) {
        List<StaffDirectory.StaffMember> practitioners = staff.practitioners(team);
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
                    if (nearest.containsKey(rs.getString(1))) {
                        return;
                    }
                    LocalDate due = rs.getObject(4, LocalDate.class);
                    nearest.put(rs.getString(1), new NearestDeadline(rs.getString(2), CodeLabels.coded(CodeLabels.RULE, rs.getString(3)),
                            due, due.isBefore(today) ? -timescales.calendar().workingDaysBetween(due, today)
                            : timescales.calendar().workingDaysBetween(today, due), due.isBefore(today)));
                });
        return practitioners.stream().map(p -> new Worker(p.id(), p.name(), open.getOrDefault(p.id(), 0), nearest.get(p.id())))
                .toList();
    }
}
