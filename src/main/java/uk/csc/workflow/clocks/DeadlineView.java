package uk.csc.workflow.clocks;

import java.time.LocalDate;

public record DeadlineView(String rule, String occurrence, LocalDate startedOn, LocalDate dueOn, LocalDate completedOn,
                           DeadlineStatus status) {

    static DeadlineStatus statusOf(LocalDate dueOn, LocalDate completedOn, LocalDate today) {
        if (completedOn != null) {
            return completedOn.isAfter(dueOn) ? DeadlineStatus.MET_LATE : DeadlineStatus.MET;
        }
        return today.isAfter(dueOn) ? DeadlineStatus.BREACHED : DeadlineStatus.OPEN;
    }
}
