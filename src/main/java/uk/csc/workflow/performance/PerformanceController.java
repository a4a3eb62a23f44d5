package uk.csc.workflow.performance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.BadRequestException;

@RestController
@RequestMapping("/api/performance")
class PerformanceController {

    private final IndicatorService indicators;
    private final TimeSource time;

    PerformanceController(IndicatorService indicators, TimeSource time) {
        this.indicators = indicators;
        this.time = time;
    }

    record IndicatorReport(LocalDate from, LocalDate to, String level, List<IndicatorRow> rows) {
    }

    @GetMapping(value = "/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
    IndicatorReport json(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(defaultValue = "city") String level) {
        LocalDate end = date("to", to, time.today());
        LocalDate start = date("from", from, end.minusYears(1).plusDays(1));
        Level chosen = level(level);
        return new IndicatorReport(start, end, chosen.name().toLowerCase(Locale.ROOT),
                indicators.indicators(start, end, chosen, CurrentUser.fromSecurityContext()));
    }

    /** The same figures as CSV, for spreadsheets and statutory returns. */
    @GetMapping(value = "/indicators", produces = "text/csv")
    String csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
               @RequestParam(defaultValue = "city") String level) {
        IndicatorReport report = json(from, to, level);
        StringBuilder csv = new StringBuilder("from,to,level,group,code,name,numerator,denominator,percent,target,status\n");
        for (IndicatorRow row : report.rows()) {
            csv.append(String.join(",", report.from().toString(), report.to().toString(), row.level(), quote(row.group()),
                    row.code(), quote(row.name()), Long.toString(row.numerator()), Long.toString(row.denominator()),
                    row.percent() == null ? "" : row.percent().toString(), row.target() == null ? "" : row.target().toString(),
                    row.status().name())).append('\n');
        }
        return csv.toString();
    }

    @GetMapping("/indicators/{code}/cases")
    List<IndicatorService.CohortCase> cases(@PathVariable String code, @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            @RequestParam(defaultValue = "city") String level,
                                            @RequestParam(required = false) String group,
                                            @RequestParam(defaultValue = "denominator") String part) {
        Indicator indicator;
        try {
            indicator = Indicator.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("code", "'" + code + "' is not an indicator; use one of " + List.of(Indicator.values()));
        }
        if (!part.equals("numerator") && !part.equals("denominator")) {
            throw new BadRequestException("part", "must be 'numerator' or 'denominator'");
        }
        LocalDate end = date("to", to, time.today());
        return indicators.cases(indicator, date("from", from, end.minusYears(1).plusDays(1)), end, level(level), group,
                part.equals("numerator"), CurrentUser.fromSecurityContext());
    }

    record Series(String code, String name, Double target, boolean higherIsBetter, List<Double> percent) {
    }

    record Trend(List<String> months, List<Series> series) {
    }

    @GetMapping("/trend")
    Trend trend(@RequestParam(defaultValue = "12") int months) {
        if (months < 1 || months > 36) {
            throw new BadRequestException("months", "must be between 1 and 36");
        }
        YearMonth last = YearMonth.from(time.today());
        var byIndicator = indicators.trend(last, months, CurrentUser.fromSecurityContext());
        List<String> labels = java.util.stream.IntStream.range(0, months).mapToObj(i -> last.minusMonths(months - 1 - i).toString())
                .toList();
        List<Series> series = byIndicator.entrySet().stream()
                .map(e -> new Series(e.getKey().name(), e.getKey().title(),
                        e.getValue().isEmpty() ? null : e.getValue().get(0).target(), e.getKey().higherIsBetter(),
                        e.getValue().stream().map(IndicatorRow::percent).collect(Collectors.toList())))
                .toList();
        return new Trend(labels, series);
    }

    private static Level level(String level) {
        try {
            return Level.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("level", "must be city, team or worker");
        }
    }

    /** A period's end: strictly YYYY-MM-DD on a plausible day (the shared rules of FormValues). */
    private static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        FormValues form = new FormValues(Map.of(field, value));
        LocalDate date = form.date(field);
        form.validate();
        return date;
    }

    private static String quote(String text) {
        return text == null ? "" : '"' + text.replace("\"", "\"\"") + '"';
    }

}
