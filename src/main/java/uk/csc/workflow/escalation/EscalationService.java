package uk.csc.workflow.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.casefile.CaseTeamChanged;
import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeLabels.Coded;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.timescales.WorkingDayCalendar;

/**
 * Raises the durable record of a breach (or the reminder before one) and tells the right people.
 * Exactly one escalation per case, rule and level: a repeated or racing raise finds the first.
 */
@Service
@Transactional
public class EscalationService {

    private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

    private final JdbcClient jdbc;
    private final CaseFileService cases;
    private final StaffDirectory staff;
    private final EscalationTasks tasks;
    private final TimeSource time;

    EscalationService(JdbcClient jdbc, CaseFileService cases, StaffDirectory staff, EscalationTasks tasks, TimeSource time) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.staff = staff;
        this.tasks = tasks;
        this.time = time;
    }

    /**
     * @return the escalation's id, new or existing; empty when the clock was already stopped
     */
    public Optional<Long> raise(long caseId, String rule, EscalationLevel level) {
        return raise(caseId, rule, "", level);
    }

    /** For a recurring clock, {@code occurrence} names which one (see CaseClocks). */
    public Optional<Long> raise(long caseId, String rule, String occurrence, EscalationLevel level) {
        return raise(caseId, rule, occurrence, level, List.of());
    }

    /**
     * {@code alsoNotify}: groups told besides the level's usual recipients, on the same record and
     * task (a looked-after review's breach goes to the IRO service as well as the team manager).
     */
    public Optional<Long> raise(long caseId, String rule, String occurrence, EscalationLevel level, List<String> alsoNotify) {
        Clock deadline = jdbc.sql("""
                SELECT id, due_on, completed_on FROM statutory_deadline WHERE case_id = :c AND rule = :r AND occurrence = :o""")
                .param("c", caseId).param("r", rule).param("o", occurrence)
                .query((rs, n) -> new Clock(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("No " + rule + " clock on case " + caseId));
        if (deadline.completedOn() != null) {
            return Optional.empty();
        }
        Optional<Long> existing = jdbc.sql("SELECT id FROM escalation WHERE deadline_id = :d AND level = :l")
                .param("d", deadline.id()).param("l", level.name()).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing;
        }
        CaseRecord record = cases.get(caseId);
        Recipients recipients = recipientsOf(record, level).and(alsoNotify);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        // Inserted only if absent. Two nodes racing past the check both insert: the unique
        // constraint refuses the second, whose job fails, is retried and then finds this row.
        int inserted = jdbc.sql("""
                INSERT INTO escalation (case_id, deadline_id, rule, level, team, due_on, raised_at, notified)
                SELECT :c, :d, :r, :l, :team, :due, :now, :notified FROM (VALUES (1)) AS one (x)
                WHERE NOT EXISTS (SELECT 1 FROM escalation WHERE deadline_id = :d AND level = :l)""")
                .param("c", caseId).param("d", deadline.id()).param("r", rule).param("l", level.name())
                .param("team", record.team()).param("due", deadline.dueOn())
                .param("now", OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC))
                .param("notified", recipients.describe())
                .update(keys, "id");
        if (inserted == 0) {
            return jdbc.sql("SELECT id FROM escalation WHERE deadline_id = :d AND level = :l")
                    .param("d", deadline.id()).param("l", level.name()).query(Long.class).optional();
        }
        long id = keys.getKey().longValue();
        if (level != EscalationLevel.REMINDER) {
            String taskInstance = tasks.open(id, record.caseRef(), record.team(), rule, level, deadline.dueOn(),
                    recipients.users(), recipients.groups());
            jdbc.sql("UPDATE escalation SET task_process_instance_id = :pi WHERE id = :id")
                    .param("pi", taskInstance).param("id", id).update();
        }
        logWhenCommitted(id, rule, level, caseId);
        return Optional.of(id);
    }

    /**
     * "Escalation N raised" once the record is durable: a job that loses a race with another node
     * rolls back, and its line would name an escalation that never was.
     */
    private static void logWhenCommitted(long id, String rule, EscalationLevel level, long caseId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            log.info("Escalation {} raised: {} {} on case id {}", id, rule, level, caseId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                log.info("Escalation {} raised: {} {} on case id {}", id, rule, level, caseId);
            }
        });
    }

    /** The statutory clock an escalation belongs to. */
    private record Clock(long id, LocalDate dueOn, LocalDate completedOn) {
    }

    private record Recipients(List<String> users, List<String> groups) {
        String describe() {
            return java.util.stream.Stream.concat(users.stream(), groups.stream().map(g -> "group:" + g))
                    .collect(java.util.stream.Collectors.joining(","));
        }

        Recipients and(List<String> moreGroups) {
            return new Recipients(users, java.util.stream.Stream.concat(groups.stream(), moreGroups.stream()).distinct().toList());
        }
    }

    private Recipients recipientsOf(CaseRecord record, EscalationLevel level) {
        return switch (level) {
            case REMINDER -> record.worker() != null ? new Recipients(List.of(record.worker()), List.of())
                    : new Recipients(List.of(), List.of(record.team()));
            case TEAM_MANAGER -> {
                List<String> managers = staff.teamManagers(record.team());
                yield managers.isEmpty() ? new Recipients(List.of(), List.of(Groups.SERVICE_MANAGER))
                        : new Recipients(managers, List.of());
            }
            case SERVICE_MANAGER -> new Recipients(List.of(), List.of(Groups.SERVICE_MANAGER));
        };
    }


    /**
     * Whether the process instance holding a manager's task is the one opened for this escalation:
     * an instance started by anyone else with the escalation's id names another record.
     */
    @Transactional(readOnly = true)
    public boolean isTaskOf(long escalationId, String processInstanceId) {
        return jdbc.sql("SELECT count(*) FROM escalation WHERE id = :id AND task_process_instance_id = :pi")
                .param("id", escalationId).param("pi", processInstanceId).query(Long.class).single() > 0;
    }

    /** A case moved to another team: its escalations are that team's now (and listed to it). */
    @org.springframework.context.event.EventListener
    public void teamChanged(CaseTeamChanged changed) {
        jdbc.sql("UPDATE escalation SET team = :team WHERE case_id = :c").param("team", changed.to())
                .param("c", changed.caseId()).update();
    }

    public void acknowledge(long escalationId, String userId, String note) {
        int updated = jdbc.sql("""
                UPDATE escalation SET acknowledged_by = :u, acknowledged_at = :now,
                       acknowledgement_note = :note WHERE id = :id AND acknowledged_at IS NULL""")
                .param("u", userId).param("now", OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC))
                .param("note", note).param("id", escalationId).update();
        if (updated == 0) {
            throw new BadRequestException("escalationId", "escalation " + escalationId + " is unknown or already acknowledged");
        }
    }

    public void resolve(long escalationId, String userId, String resolution) {
        int updated = jdbc.sql("""
                UPDATE escalation SET resolved_by = :u, resolved_at = :now, resolution = :res
                WHERE id = :id AND resolved_at IS NULL""")
                .param("u", userId).param("now", OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC))
                .param("res", resolution).param("id", escalationId).update();
        if (updated == 0) {
            throw new BadRequestException("escalationId", "escalation " + escalationId + " is unknown or already resolved");
        }
    }

    /** Escalations the user may see: their teams', or the city's for service managers. */
    @Transactional(readOnly = true)
    public List<EscalationView> list(boolean openOnly, String team, CurrentUser user) {
        if (team != null && !user.maySeeTeam(team)) {
            throw new org.springframework.security.access.AccessDeniedException("Not your team");
        }
        List<String> teams = team != null ? List.of(team) : user.seesAllTeams() ? null : List.copyOf(user.teams());
        if (teams != null && teams.isEmpty()) {
            return List.of();
        }
        String sql = """
                SELECT e.*, c.case_ref, ch.first_name, ch.last_name
                FROM escalation e JOIN care_case c ON c.id = e.case_id JOIN child ch ON ch.id = c.child_id
                WHERE e.level <> 'REMINDER'"""
                + (openOnly ? " AND e.resolved_at IS NULL" : "")
                + (teams != null ? " AND e.team IN (:teams)" : "")
                + " ORDER BY e.due_on, e.id";
        var statement = jdbc.sql(sql);
        if (teams != null) {
            statement = statement.param("teams", teams);
        }
        return statement.query((rs, n) -> new EscalationView(rs.getLong("id"), rs.getString("case_ref"), rs.getString("rule"),
                EscalationLevel.valueOf(rs.getString("level")), rs.getString("team"), rs.getObject("due_on", LocalDate.class),
                instant(rs.getTimestamp("raised_at")), rs.getString("notified"), rs.getString("acknowledged_by"),
                instant(rs.getTimestamp("acknowledged_at")), rs.getString("acknowledgement_note"), rs.getString("resolved_by"),
                instant(rs.getTimestamp("resolved_at")), rs.getString("resolution"), rs.getString("process_instance_id"),
                rs.getString("first_name") + " " + rs.getString("last_name"))).list();
    }


    /**
     * What the manager acknowledging or resolving an escalation needs: which deadline, how late
     * (in working days on the statutory calendar), who was told, and what was said so far.
     */
    public record EscalationContext(long escalationId, Coded rule, Coded level, LocalDate startedOn, LocalDate dueOn,
                                    LocalDate completedOn, int workingDaysLate, Instant raisedAt, String notified,
                                    String acknowledgedBy, Instant acknowledgedAt, String resolvedBy, Instant resolvedAt,
                                    String resolution) {
    }

    @Transactional(readOnly = true)
    public EscalationContext context(long escalationId, WorkingDayCalendar calendar) {
        LocalDate today = time.today();
        return jdbc.sql("""
                SELECT e.*, d.started_on, d.completed_on FROM escalation e JOIN statutory_deadline d ON d.id = e.deadline_id
                WHERE e.id = :id""")
                .param("id", escalationId)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    LocalDate done = rs.getObject("completed_on", LocalDate.class);
                    LocalDate until = done != null ? done : today;
                    return new EscalationContext(escalationId, CodeLabels.coded(CodeLabels.RULE, rs.getString("rule")),
                            CodeLabels.coded(CodeLabels.ESCALATION_LEVEL, rs.getString("level")),
                            rs.getObject("started_on", LocalDate.class), due, done,
                            until.isAfter(due) ? calendar.workingDaysBetween(due, until) : 0,
                            instant(rs.getTimestamp("raised_at")), rs.getString("notified"), rs.getString("acknowledged_by"),
                            instant(rs.getTimestamp("acknowledged_at")), rs.getString("resolved_by"),
                            instant(rs.getTimestamp("resolved_at")), rs.getString("resolution"));
                })
                .optional().orElseThrow(() -> new uk.csc.workflow.platform.web.NotFoundException("No escalation " + escalationId));
    }

    /** The process instance whose timer raised the escalation (the first one stands). */
    public void raisedBy(long escalationId, String processInstanceId) {
        jdbc.sql("UPDATE escalation SET process_instance_id = :pi WHERE id = :id AND process_instance_id IS NULL")
                .param("pi", processInstanceId).param("id", escalationId).update();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
