package uk.csc.workflow.clocks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.timescales.Deadline;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.StatutoryTimescales;
import uk.csc.workflow.timescales.WorkingDayCalendar;

/**
 * The statutory deadlines of each case: started when a clock starts, completed when the work is
 * done, and the ladder instants that the engine's timers wait for.
 */
@Service
@Transactional
public class CaseClocks {

    private final JdbcClient jdbc;
    private final StatutoryTimescales clock;
    private final EscalationLadderProperties ladder;
    private final TimeSource time;

    CaseClocks(JdbcClient jdbc, StatutoryTimescales clock, EscalationLadderProperties ladder, TimeSource time) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ladder = ladder;
        this.time = time;
    }

    /**
     * Starts the clock of {@code rule} for a case. Starting it again (a retried job, a loop back
     * in the model) keeps the first start: a clock is never reset by rework.
     */
    public StatutoryClockStarted start(long caseId, String rule, LocalDate startedOn, GuidanceProfile profile) {
        return start(caseId, rule, "", startedOn, profile);
    }

    /** A recurring clock: {@code occurrence} tells this review or visit from the others. */
    public StatutoryClockStarted start(long caseId, String rule, String occurrence, LocalDate startedOn, GuidanceProfile profile) {
        var existing = jdbc.sql("SELECT id, started_on FROM statutory_deadline WHERE case_id = :c AND rule = :r AND occurrence = :o")
                .param("c", caseId).param("r", rule).param("o", occurrence)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, LocalDate.class)}).optional();
        Deadline deadline = clock.deadline(rule, existing.map(e -> (LocalDate) e[1]).orElse(startedOn), profile);
        long id = existing.map(e -> (Long) e[0]).orElseGet(() -> insert(caseId, occurrence, deadline));
        return withLadder(id, deadline);
    }

    private long insert(long caseId, String occurrence, Deadline deadline) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO statutory_deadline (case_id, rule, occurrence, profile, started_on, due_on, due_at)
                VALUES (:c, :r, :o, :p, :s, :d, :at)""")
                .param("c", caseId).param("r", deadline.rule()).param("o", occurrence).param("p", deadline.profile().name())
                .param("s", deadline.from()).param("d", deadline.dueOn())
                .param("at", OffsetDateTime.ofInstant(deadline.dueAt(), ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    StatutoryClockStarted withLadder(long id, Deadline deadline) {
        WorkingDayCalendar calendar = clock.calendar();
        Instant remindAt = calendar.minusWorkingDays(deadline.dueOn(), ladder.reminderWorkingDaysBefore(deadline.rule()))
                .atTime(ladder.reminderTime()).atZone(StatutoryTimescales.STATUTORY_ZONE).toInstant();
        Instant serviceManagerAt = StatutoryTimescales.endOfDay(
                calendar.plusWorkingDays(deadline.dueOn(), ladder.serviceManagerWorkingDaysAfter()));
        return new StatutoryClockStarted(id, deadline.rule(), deadline.from(), deadline.dueOn(), deadline.dueAt(),
                remindAt, serviceManagerAt);
    }

    /** Stops the clock; the first completion date stands. */
    public void complete(long caseId, String rule, LocalDate completedOn) {
        complete(caseId, rule, "", completedOn);
    }

    public void complete(long caseId, String rule, String occurrence, LocalDate completedOn) {
        jdbc.sql("""
                UPDATE statutory_deadline SET completed_on = :d
                WHERE case_id = :c AND rule = :r AND occurrence = :o AND completed_on IS NULL""")
                .param("d", completedOn).param("c", caseId).param("r", rule).param("o", occurrence).update();
    }

    /** Stops every running clock of a case (the child ceased to be looked after, the case closed). */
    public int closeOpenClocks(long caseId, LocalDate on) {
        return jdbc.sql("UPDATE statutory_deadline SET completed_on = :d WHERE case_id = :c AND completed_on IS NULL")
                .param("d", on).param("c", caseId).update();
    }

    public List<DeadlineView> deadlinesOf(long caseId) {
        LocalDate today = time.today();
        return jdbc.sql("""
                SELECT rule, occurrence, started_on, due_on, completed_on FROM statutory_deadline
                WHERE case_id = :c ORDER BY started_on, id""")
                .param("c", caseId)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    LocalDate done = rs.getObject("completed_on", LocalDate.class);
                    return new DeadlineView(rs.getString("rule"), rs.getString("occurrence"),
                            rs.getObject("started_on", LocalDate.class), due, done,
                            DeadlineView.statusOf(due, done, today));
                }).list();
    }
}
