package uk.csc.workflow.clocks;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.platform.forms.FormValues;
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
                deadline = clock.deadline(rule, dateTime(from).atZone(StatutoryTimescales.STATUTORY_ZONE), chosen);
            } else {
                FormValues form = new FormValues(Map.of("from", from));
                LocalDate day = form.date("from");
                form.validate();
                deadline = clock.deadline(rule, day, chosen);
            }
        } catch (UnknownRuleException e) {
            throw new BadRequestException("rule", e.getMessage());
        }
        return new DeadlineView(deadline.rule(), from, deadline.dueOn().toString(),
                deadline.dueAt().atZone(StatutoryTimescales.STATUTORY_ZONE).toOffsetDateTime().toString(),
                deadline.profile());
    }

    /** {@code YYYY-MM-DDTHH:MM[:SS]}, strictly, on a plausible day (the shared date rules of FormValues). */
    private static LocalDateTime dateTime(String from) {
        LocalDateTime at;
        try {
            at = from.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?") ? LocalDateTime.parse(from) : null;
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            throw new BadRequestException("from", "must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)");
        }
        if (!FormValues.plausible(at.toLocalDate())) {
            throw new BadRequestException("from", "must be a date between " + FormValues.EARLIEST + " and " + FormValues.LATEST);
        }
        return at;
    }

    private static GuidanceProfile parseProfile(String profile) {
        try {
            return GuidanceProfile.valueOf(profile.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("profile", "'" + profile + "' is not a profile; use WT2010, WT2023 or FAMILIES_FIRST");
        }
    }
}
