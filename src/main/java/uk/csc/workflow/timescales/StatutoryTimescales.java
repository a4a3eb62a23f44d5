package uk.csc.workflow.timescales;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The statutory timescales: computes deadlines,: the one place that knows how "within N working days",
 * weeks, months and hours are counted. Pure Java; thread-safe.
 */
public class StatutoryTimescales {

    public static final ZoneId STATUTORY_ZONE = ZoneId.of("Europe/London");

    private final StatutoryRules rules;
    private final WorkingDayCalendar calendar;
    private final DayCounting dayCounting;
    private final GuidanceProfile defaultProfile;

    public StatutoryTimescales(StatutoryRules rules, WorkingDayCalendar calendar, DayCounting dayCounting,
                          GuidanceProfile defaultProfile) {
        this.rules = rules;
        this.calendar = calendar;
        this.dayCounting = dayCounting;
        this.defaultProfile = defaultProfile;
    }

    /** The profile new cases start under (configuration). */
    public GuidanceProfile defaultProfile() {
        return defaultProfile;
    }

    public Collection<StatutoryRule> rules() {
        return rules.all();
    }

    public List<StatutoryRule> rulesIn(GuidanceProfile profile) {
        return rules.all().stream().filter(r -> r.appliesIn(profile)).toList();
    }

    public StatutoryRule rule(String id) {
        return rules.get(id);
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    public Deadline deadline(String ruleId, LocalDate from) {
        return deadline(ruleId, from, defaultProfile);
    }

    /** The deadline for a clock started on a date; an hours rule is counted from the start of that day. */
    public Deadline deadline(String ruleId, LocalDate from, GuidanceProfile profile) {
        return deadline(ruleId, from.atStartOfDay(STATUTORY_ZONE), profile);
    }

    /** The deadline for a clock started at an instant (hours rules need the time of day). */
    public Deadline deadline(String ruleId, ZonedDateTime startedAt, GuidanceProfile profile) {
        StatutoryRule rule = ruleIn(ruleId, profile);
        ZonedDateTime start = startedAt.withZoneSameInstant(STATUTORY_ZONE);
        LocalDate from = start.toLocalDate();
        if (rule.unit() == DurationUnit.HOURS) {
            // Elapsed hours: across a clock change 72 hours is still 72 hours.
            ZonedDateTime due = start.plusHours(rule.amount());
            return new Deadline(rule.id(), from, due.toLocalDate(), due.toInstant(), profile);
        }
        LocalDate dueOn = switch (rule.unit()) {
            case WORKING_DAYS -> addWorkingDays(from, rule.amount());
            case DAYS -> from.plusDays(rule.amount());
            case WEEKS -> from.plusWeeks(rule.amount());
            case MONTHS -> from.plusMonths(rule.amount()); // 31 Jan + 1 month = end of February
            case HOURS -> throw new IllegalStateException("handled above");
        };
        return new Deadline(rule.id(), from, dueOn, endOfDay(dueOn), profile);
    }

    private StatutoryRule ruleIn(String ruleId, GuidanceProfile profile) {
        StatutoryRule rule = rules.get(ruleId);
        if (!rule.appliesIn(profile)) {
            throw new UnknownRuleException("Rule " + ruleId + " does not apply under profile " + profile
                    + " (it applies under " + rule.profiles() + ")");
        }
        return rule;
    }

    private LocalDate addWorkingDays(LocalDate trigger, int amount) {
        if (dayCounting == DayCounting.TRIGGER_IS_DAY_ONE && calendar.isWorkingDay(trigger)) {
            return calendar.plusWorkingDays(trigger, amount - 1);
        }
        return calendar.plusWorkingDays(trigger, amount);
    }

    /** The last second of a London day: work done on the due date is in time. */
    public static java.time.Instant endOfDay(LocalDate day) {
        return day.atTime(23, 59, 59).atZone(STATUTORY_ZONE).toInstant();
    }
}
