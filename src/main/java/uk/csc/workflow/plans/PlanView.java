package uk.csc.workflow.plans;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan as the case file shows it: where it came from, its category and number (child protection),
 * how it ended, and each review, core group meeting and visit with its status.
 */
public record PlanView(long planId, String kind, String source, LocalDate startedOn, String category, Integer planNumber,
                       boolean secondOrLater, LocalDate agreedOn, LocalDate endedOn, String ending, String closureReason,
                       List<Item> items) {

    /**
     * @param status MET, MET_LATE, OPEN, BREACHED (due date passed, not held) or CANCELLED (the plan ended first)
     */
    public record Item(String kind, int number, String rule, LocalDate countedFrom, LocalDate dueOn, LocalDate doneOn, boolean late,
                       String decision, String status) {
    }
}
