package uk.csc.workflow.clocks;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The escalation ladder ({@code csc.escalation.*}), DOMAIN.md section 3.
 *
 * @param reminderWorkingDaysBefore       when the worker is reminded, in working days before the due date
 * @param reminderTime                    the time of day of the reminder (London)
 * @param serviceManagerWorkingDaysAfter  working days after the due date that the service manager is told
 * @param reminderWorkingDaysBeforeByRule a longer warning for long clocks, e.g. 26-week care proceedings
 */
@ConfigurationProperties("csc.escalation")
public record EscalationLadderProperties(Integer reminderWorkingDaysBefore, LocalTime reminderTime,
                                   Integer serviceManagerWorkingDaysAfter,
                                   java.util.Map<String, Integer> reminderWorkingDaysBeforeByRule) {

    public EscalationLadderProperties {
        reminderWorkingDaysBeforeByRule = reminderWorkingDaysBeforeByRule == null ? java.util.Map.of()
                : java.util.Map.copyOf(reminderWorkingDaysBeforeByRule);
        reminderWorkingDaysBefore = reminderWorkingDaysBefore == null ? 1 : reminderWorkingDaysBefore;
        reminderTime = reminderTime == null ? LocalTime.of(9, 0) : reminderTime;
        serviceManagerWorkingDaysAfter = serviceManagerWorkingDaysAfter == null ? 5 : serviceManagerWorkingDaysAfter;
    }

    public int reminderWorkingDaysBefore(String rule) {
        return reminderWorkingDaysBeforeByRule.getOrDefault(rule, reminderWorkingDaysBefore);
    }
}
