package uk.csc.workflow.performance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;

/** Open cases per worker with the nearest statutory deadline, for allocation decisions. */
@RestController
class CaseloadController {

    private final JdbcClient jdbc;

    CaseloadController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record CaseLine(String caseRef, String stage, String nextRule, LocalDate nextDueOn) {
    }

    record WorkerLoad(String worker, int openCases, LocalDate nearestDueOn, List<CaseLine> cases) {
    }

    @GetMapping("/api/caseload")
    List<WorkerLoad> caseload(@RequestParam String team) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        boolean manager = user.isIn(Groups.TEAM_MANAGER) || user.seesAllTeams();
        if (!manager || !user.maySeeTeam(team)) {
            throw new AccessDeniedException("The caseload of " + team + " is for its managers");
        }
        // One row per open case with its nearest open deadline (a window function, not a case-by-case lookup).
        List<Object[]> rows = jdbc.sql("""
                SELECT COALESCE(c.worker, 'unallocated'), c.case_ref, c.stage, d.rule, d.due_on
                FROM care_case c
                LEFT JOIN (SELECT case_id, rule, due_on,
                                  ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY due_on, id) AS nearest
                           FROM statutory_deadline WHERE completed_on IS NULL) d ON d.case_id = c.id AND d.nearest = 1
                WHERE c.team = :team AND c.closed_at IS NULL
                ORDER BY 1, d.due_on NULLS LAST, c.case_ref""")
                .param("team", team)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class)})
                .list();
        Map<String, List<CaseLine>> byWorker = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byWorker.computeIfAbsent((String) row[0], w -> new java.util.ArrayList<>())
                    .add(new CaseLine((String) row[1], (String) row[2], (String) row[3], (LocalDate) row[4]));
        }
        return byWorker.entrySet().stream().map(e -> new WorkerLoad(e.getKey(), e.getValue().size(),
                e.getValue().stream().map(CaseLine::nextDueOn).filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(null),
                e.getValue())).toList();
    }
}
