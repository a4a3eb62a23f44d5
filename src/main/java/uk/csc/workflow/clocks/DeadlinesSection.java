package uk.csc.workflow.clocks;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileSection;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeLabels.Coded;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.timescales.StatutoryTimescales;
import uk.csc.workflow.timescales.WorkingDayCalendar;

/**
 * The case file's {@code deadlines}: the statutory clocks still running, the nearest first, with
 * the working days left (negative: working days overdue) on the statutory calendar.
 */
@Component
class DeadlinesSection implements CaseFileSection {

    /** @param status OPEN or BREACHED */
    record OpenDeadline(Coded rule, String occurrence, LocalDate startedOn, LocalDate dueOn, DeadlineStatus status,
                        int workingDaysLeft) {
    }

    private final CaseClocks clocks;
    private final StatutoryTimescales timescales;
    private final TimeSource time;

    DeadlinesSection(CaseClocks clocks, StatutoryTimescales timescales, TimeSource time) {
        this.clocks = clocks;
        this.timescales = timescales;
        this.time = time;
    }

    @Override
    public Map<String, Object> partsFor(long caseId) {
        LocalDate today = time.today();
        WorkingDayCalendar calendar = timescales.calendar();
        List<OpenDeadline> open = clocks.deadlinesOf(caseId).stream().filter(d -> d.completedOn() == null)
                .sorted(Comparator.comparing(DeadlineView::dueOn))
                .map(d -> new OpenDeadline(CodeLabels.coded(CodeLabels.RULE, d.rule()), d.occurrence(), d.startedOn(), d.dueOn(),
                        d.status(), workingDaysLeft(calendar, today, d.dueOn())))
                .toList();
        return Map.of("deadlines", open);
    }

    /** Working days from today to the due date; negative once it has passed. */
    static int workingDaysLeft(WorkingDayCalendar calendar, LocalDate today, LocalDate dueOn) {
        return dueOn.isBefore(today) ? -calendar.workingDaysBetween(dueOn, today) : calendar.workingDaysBetween(today, dueOn);
    }
}
