package uk.csc.workflow.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.performance.IndicatorDataService;
import uk.csc.workflow.platform.forms.FormValues;

/**
 * The records of the demo city that no process asks for: school absence of children in care at the
 * end of each term, through the same service the API uses. (Child protection reviews are held in
 * the childProtectionPlan processes, so NI 67 counts reviews the engine ran.)
 */
@Component
class DemoRecords {

    private static final List<Month> TERM_ENDS = List.of(Month.DECEMBER, Month.APRIL, Month.JULY);

    private final JdbcClient jdbc;
    private final CaseFileService cases;
    private final IndicatorDataService data;

    DemoRecords(JdbcClient jdbc, CaseFileService cases, IndicatorDataService data) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.data = data;
    }

    void recordDue(LocalDate day, Random random) {
        if (isTermEnd(day)) {
            schoolAbsence(day, random);
        }
    }

    /** The third Friday of December, April and July. */
    private static boolean isTermEnd(LocalDate day) {
        return TERM_ENDS.contains(day.getMonth())
                && day.equals(day.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY)));
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
