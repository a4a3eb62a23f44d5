package uk.csc.workflow.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.performance.IndicatorDataService;
import uk.csc.workflow.platform.forms.FormValues;

/**
 * The records of the demo city that no process asks for: child protection reviews of children
 * with a plan, and school absence of children in care at the end of each term, through the same
 * service the API uses.
 */
@Component
class DemoRecords {

    private static final List<Month> TERM_ENDS = List.of(Month.DECEMBER, Month.APRIL, Month.JULY);

    private final JdbcClient jdbc;
    private final CaseFileService cases;
    private final IndicatorDataService data;
    private final Map<Long, LocalDate> nextCpReview = new HashMap<>();

    DemoRecords(JdbcClient jdbc, CaseFileService cases, IndicatorDataService data) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.data = data;
    }

    void recordDue(LocalDate day, Random random) {
        cpReviews(day, random);
        if (isTermEnd(day)) {
            schoolAbsence(day, random);
        }
    }

    /** The third Friday of December, April and July. */
    private static boolean isTermEnd(LocalDate day) {
        return TERM_ENDS.contains(day.getMonth())
                && day.equals(day.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY)));
    }

    private void cpReviews(LocalDate day, Random random) {
        List<Object[]> plans = jdbc.sql("""
                SELECT e.case_id, MAX(e.conference_held_on) FROM child_protection_enquiry e
                WHERE e.conference_outcome = 'CP_PLAN' GROUP BY e.case_id""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, LocalDate.class)}).list();
        for (Object[] plan : plans) {
            long caseId = (Long) plan[0];
            LocalDate planned = nextCpReview.computeIfAbsent(caseId, id -> heldAround(((LocalDate) plan[1]).plusMonths(3), random));
            if (!planned.isAfter(day)) {
                data.recordCpReview(cases.get(caseId), new FormValues(Map.of("heldOn", day.toString())), "manager.north");
                nextCpReview.put(caseId, heldAround(day.plusMonths(6), random));
            }
        }
    }

    /** Mostly a little before the due date; now and then a week late. */
    private static LocalDate heldAround(LocalDate due, Random random) {
        return random.nextInt(8) == 0 ? due.plusDays(3 + random.nextInt(7)) : due.minusDays(random.nextInt(10));
    }

    private void schoolAbsence(LocalDate day, Random random) {
        List<Long> inCare = jdbc.sql("SELECT case_id FROM looked_after_period WHERE ended_on IS NULL").query(Long.class).list();
        for (long caseId : inCare) {
            int days = random.nextInt(10) == 0 ? 14 + random.nextInt(12) : random.nextInt(8);
            data.recordSchoolAbsence(cases.get(caseId), new FormValues(Map.of("termEndsOn", day.toString(), "daysAbsent", days)),
                    "worker.north");
        }
    }
}
