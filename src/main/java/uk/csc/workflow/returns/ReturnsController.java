package uk.csc.workflow.returns;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.codes.CollectionYear;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.returns.ReturnValidation.Problem;

/**
 * The statutory returns and their error lists, for the performance team and service managers
 * only. Every run is audited (who produced which return, for which year, how many children), and so
 * is every refusal. {@code year=2026} is the collection year 2026-27 (1 April 2026 to 31 March 2027).
 */
@RestController
@RequestMapping("/api/returns")
class ReturnsController {

    static final Set<String> MAY_RUN = Set.of(Groups.PERFORMANCE, Groups.SERVICE_MANAGER);
    private static final String RETURN = "RETURN";
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StatutoryReturns returns;
    private final AuditLog audit;

    ReturnsController(StatutoryReturns returns, AuditLog audit) {
        this.returns = returns;
        this.audit = audit;
    }

    /** The error list of a return, as the Cockpit page shows it. */
    record ValidationReport(String ret, String period, int children, long errors, long queries, List<Problem> problems,
                            List<String> schemaProblems, Map<String, String> rules) {
    }

    @GetMapping("/ssda903")
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ResponseEntity<byte[]> ssda903(@RequestParam(required = false) String year) {
        CurrentUser user = allowed("ssda903");
        CollectionYear y = year(year, false);
        StatutoryReturns.Ssda903 r = returns.ssda903(y);
        audit.record(user.id(), AuditLog.Action.READ, RETURN, "ssda903:" + y, "SSDA903 " + y + ": "
                + r.tables().get(Ssda903Return.HEADER).rows().size() + " children");
        return file(r.zip(), MediaType.parseMediaType("application/zip"), "ssda903-" + y + ".zip");
    }

    @GetMapping("/ssda903/validation")
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ValidationReport ssda903Validation(@RequestParam(required = false) String year) {
        CurrentUser user = allowed("ssda903 validation");
        CollectionYear y = year(year, false);
        StatutoryReturns.Ssda903 r = returns.ssda903(y);
        int children = r.tables().get(Ssda903Return.HEADER).rows().size();
        audit.record(user.id(), AuditLog.Action.READ, RETURN, "ssda903:" + y, "SSDA903 " + y + " validation: " + children + " children");
        return report("ssda903", y.label(), children, r.problems(), List.of());
    }

    @GetMapping("/cin-census")
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ResponseEntity<byte[]> cinCensus(@RequestParam(required = false) String year) {
        CurrentUser user = allowed("cin-census");
        CollectionYear y = year(year, true);
        StatutoryReturns.CinCensus r = returns.cinCensus(y);
        audit.record(user.id(), AuditLog.Action.READ, RETURN, "cin-census:" + y, "CIN census " + y + ": " + r.children() + " children");
        return file(r.xml().getBytes(java.nio.charset.StandardCharsets.UTF_8), MediaType.APPLICATION_XML, "cin-census-" + y + ".xml");
    }

    @GetMapping("/cin-census/validation")
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ValidationReport cinCensusValidation(@RequestParam(required = false) String year) {
        CurrentUser user = allowed("cin-census validation");
        CollectionYear y = year(year, true);
        StatutoryReturns.CinCensus r = returns.cinCensus(y);
        audit.record(user.id(), AuditLog.Action.READ, RETURN, "cin-census:" + y, "CIN census " + y + " validation: " + r.children()
                + " children");
        return report("cin-census", y.label(), r.children(), r.problems(), r.schemaProblems());
    }

    @GetMapping("/annex-a")
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ResponseEntity<byte[]> annexA(@RequestParam(required = false) String asAt, @RequestParam(required = false) String lookBackMonths) {
        CurrentUser user = allowed("annex-a");
        Object[] period = period(asAt, lookBackMonths);
        StatutoryReturns.AnnexA r = returns.annexA((LocalDate) period[0], (Integer) period[1]);
        audit.record(user.id(), AuditLog.Action.READ, RETURN, "annex-a:" + r.asAt(), "Annex A as at " + r.asAt() + " from " + r.from());
        return file(r.xlsx(), XLSX, "annex-a-" + r.asAt() + ".xlsx");
    }

    @GetMapping("/annex-a/validation")
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ValidationReport annexAValidation(@RequestParam(required = false) String asAt,
                                             @RequestParam(required = false) String lookBackMonths) {
        CurrentUser user = allowed("annex-a validation");
        Object[] period = period(asAt, lookBackMonths);
        StatutoryReturns.AnnexA r = returns.annexA((LocalDate) period[0], (Integer) period[1]);
        int rows = r.lists().stream().mapToInt(l -> l.rows().size()).sum();
        audit.record(user.id(), AuditLog.Action.READ, RETURN, "annex-a:" + r.asAt(), "Annex A as at " + r.asAt() + " validation");
        return report("annex-a", r.from() + " to " + r.asAt(), rows, r.problems(), List.of());
    }

    private CurrentUser allowed(String what) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (MAY_RUN.stream().noneMatch(user::isIn)) {
            audit.record(user.id(), AuditLog.Action.READ, RETURN, what, "refused: statutory returns");
            throw new AccessDeniedException("The statutory returns are for the performance team and service managers");
        }
        return user;
    }

    /**
     * {@code 2026} or {@code 2026-27}: a collection year that has begun (today's at the latest). The CIN
     * census only for the years it has a schema for (2025-26, 2026-27).
     */
    private CollectionYear year(String value, boolean census) {
        CollectionYear current = CollectionYear.of(returns.today());
        if (value == null || value.isBlank()) {
            return current;
        }
        String v = value.strip();
        CollectionYear year;
        try {
            year = v.matches("\\d{4}") ? new CollectionYear(Integer.parseInt(v)) : CollectionYear.parse(v);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("year", "must be the year a collection year starts, like 2026 for 2026-27 (1 April 2026 "
                    + "to 31 March 2027)");
        }
        if (year.compareTo(current) > 0) {
            throw new BadRequestException("year", year + " has not begun: the latest is " + current);
        }
        if (census && !CinCensusReturn.YEARS.contains(year.startYear())) {
            throw new BadRequestException("year", "the CIN census is produced for 2025-26 (year=2025) and 2026-27 (year=2026), not " + year);
        }
        if (!census && year.startYear() < 2020) {
            throw new BadRequestException("year", "the SSDA903 return is produced from 2020-21 (year=2020), not " + year);
        }
        return year;
    }

    /** asAt (default today, not in the future) and the look-back in months (default 6, 1 to 24). */
    private Object[] period(String asAt, String lookBackMonths) {
        Map<String, Object> values = new HashMap<>();
        values.put("asAt", asAt == null || asAt.isBlank() ? returns.today().toString() : asAt);
        values.put("lookBackMonths", lookBackMonths == null || lookBackMonths.isBlank() ? "6" : lookBackMonths);
        FormValues form = new FormValues(values);
        LocalDate day = form.pastDate("asAt", returns.today());
        Integer months = form.wholeNumber("lookBackMonths", 1, 24);
        form.validate();
        return new Object[] {day, months};
    }

    private static ValidationReport report(String ret, String period, int children, List<Problem> problems, List<String> schema) {
        long errors = problems.stream().filter(p -> p.severity() == ReturnValidation.Severity.ERROR).count() + schema.size();
        long queries = problems.stream().filter(p -> p.severity() == ReturnValidation.Severity.QUERY).count();
        return new ValidationReport(ret, period, children, errors, queries, problems, schema, new java.util.TreeMap<>(ReturnValidation.RULES));
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
