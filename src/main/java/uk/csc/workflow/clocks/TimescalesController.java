package uk.csc.workflow.clocks;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.timescales.Deadline;
import uk.csc.workflow.timescales.DurationUnit;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.StatutoryTimescales;
import uk.csc.workflow.timescales.UnknownRuleException;

/** The statutory calculator for users and integrations. */
@RestController
@RequestMapping("/api/timescales")
class TimescalesController {

    private final StatutoryTimescales clock;

    TimescalesController(StatutoryTimescales clock) {
        this.clock = clock;
    }

    record RuleView(String rule, DurationUnit unit, int amount, List<GuidanceProfile> profiles,
                    String clockStarts, String source) {
    }

    record DeadlineView(String rule, String from, String dueOn, String dueAt, GuidanceProfile profile) {
    }

    @GetMapping
    List<RuleView> rules(@RequestParam(required = false) String profile) {
        var rules = profile == null ? clock.rules() : clock.rulesIn(parseProfile(profile));
        return rules.stream()
                .map(r -> new RuleView(r.id(), r.unit(), r.amount(), r.profiles().stream().sorted().toList(),
                        r.clockStarts(), r.source()))
                .toList();
    }

    /**
     * {@code from} is a date ({@code 2026-12-22}); an hours rule also takes a local date-time
     * ({@code 2026-10-24T10:00}) in London time.
     */
    @GetMapping("/{rule}")
    DeadlineView deadline(@PathVariable String rule, @RequestParam String from,
                          @RequestParam(required = false) String profile) {
        GuidanceProfile chosen = profile == null ? clock.defaultProfile() : parseProfile(profile);
        Deadline deadline;
        try {
            if (from.contains("T")) {
                deadline = clock.deadline(rule, LocalDateTime.parse(from).atZone(StatutoryTimescales.STATUTORY_ZONE), chosen);
            } else {
                deadline = clock.deadline(rule, LocalDate.parse(from), chosen);
            }
        } catch (DateTimeParseException e) {
            throw new BadRequestException("from", "'" + from + "' is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)");
        } catch (UnknownRuleException e) {
            throw new BadRequestException("rule", e.getMessage());
        }
        return new DeadlineView(deadline.rule(), from, deadline.dueOn().toString(),
                deadline.dueAt().atZone(StatutoryTimescales.STATUTORY_ZONE).toOffsetDateTime().toString(),
                deadline.profile());
    }

    private static GuidanceProfile parseProfile(String profile) {
        try {
            return GuidanceProfile.valueOf(profile.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("profile", "'" + profile + "' is not a profile; use WT2010 or WT2023");
        }
    }
}
