package uk.csc.workflow.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.BadRequestException;

/**
 * Computes the indicators in the database: each cohort is grouped and counted by one query, so
 * no case is loaded into memory. Who sees what: service managers (and the panel, IROs,
 * administrators) the whole city; team managers their teams and their workers; practitioners
 * their own figures.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorService {

    private final JdbcClient jdbc;
    private final PerformanceProperties properties;
    private final TimeSource time;

    IndicatorService(JdbcClient jdbc, PerformanceProperties properties, TimeSource time) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.time = time;
    }

    /** A caller's view of the data: the SQL condition on cohort rows and its parameters. */
    record Scope(String condition, Map<String, Object> parameters) {
    }

    Scope scopeFor(CurrentUser user, Level level) {
        if (user.seesAllTeams()) {
            return new Scope("1 = 1", Map.of());
        }
        if (user.isIn(Groups.TEAM_MANAGER) && !user.teams().isEmpty()) {
            if (level == Level.CITY) {
                throw new AccessDeniedException("Team managers see their team and its workers; the city is for service managers");
            }
            return new Scope("x.team IN (:scopeTeams)", Map.of("scopeTeams", List.copyOf(user.teams())));
        }
        if (level != Level.WORKER) {
            throw new AccessDeniedException("Practitioners see their own figures (level=worker)");
        }
        return new Scope("x.worker = :scopeWorker", Map.of("scopeWorker", user.id()));
    }

    public List<IndicatorRow> indicators(LocalDate from, LocalDate to, Level level, CurrentUser user) {
        checkPeriod(from, to);
        return compute(from, to, level, scopeFor(user, level));
    }

    private List<IndicatorRow> compute(LocalDate from, LocalDate to, Level level, Scope scope) {
        List<IndicatorRow> rows = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            // The city is one aggregate; teams and workers group by their column (H2 does not group by ordinal).
            String sql = "SELECT " + level.groupExpression() + " AS grp, COALESCE(SUM(x.met), 0) AS numerator, COUNT(*) AS denominator"
                    + " FROM (" + IndicatorSql.COHORTS.get(indicator) + ") x WHERE " + scope.condition()
                    + (level == Level.CITY ? "" : " GROUP BY " + level.groupExpression() + " ORDER BY " + level.groupExpression());
            var statement = parameters(jdbc.sql(sql), from, to, scope);
            List<IndicatorRow> found = statement.query((rs, n) -> row(indicator, level, rs.getString("grp"),
                    rs.getLong("numerator"), rs.getLong("denominator"))).list();
            rows.addAll(found);
        }
        return rows;
    }

    /** One row of a drill-down: a case behind a figure. */
    public record CohortCase(String caseRef, String team, String worker, LocalDate eventOn, boolean inNumerator) {
    }

    /** The cases behind one indicator's denominator (or only its numerator) for one group. */
    public List<CohortCase> cases(Indicator indicator, LocalDate from, LocalDate to, Level level, String group,
                                  boolean numeratorOnly, CurrentUser user) {
        checkPeriod(from, to);
        Scope scope = scopeFor(user, level);
        String sql = "SELECT x.case_ref, x.team, x.worker, x.event_on, x.met FROM (" + IndicatorSql.COHORTS.get(indicator)
                + ") x WHERE " + scope.condition()
                + (group == null ? "" : " AND " + level.groupExpression() + " = :grp")
                + (numeratorOnly ? " AND x.met = 1" : "") + " ORDER BY x.event_on, x.case_ref";
        var statement = parameters(jdbc.sql(sql), from, to, scope);
        if (group != null) {
            statement = statement.param("grp", group);
        }
        return statement.query((rs, n) -> new CohortCase(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getInt(5) == 1)).list();
    }

    /**
     * Figures month by month for the trend chart: the city for those who see it, otherwise
     * everything the user may see (a team manager's teams, a practitioner's own cases) together.
     */
    public Map<Indicator, List<IndicatorRow>> trend(YearMonth last, int months, CurrentUser user) {
        Scope scope = user.seesAllTeams() ? scopeFor(user, Level.CITY)
                : scopeFor(user, user.isIn(Groups.TEAM_MANAGER) ? Level.TEAM : Level.WORKER);
        var byIndicator = new java.util.EnumMap<Indicator, List<IndicatorRow>>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            byIndicator.put(indicator, new ArrayList<>());
        }
        for (int i = months - 1; i >= 0; i--) {
            YearMonth month = last.minusMonths(i);
            for (IndicatorRow row : compute(month.atDay(1), month.atEndOfMonth(), Level.CITY, scope)) {
                byIndicator.get(Indicator.valueOf(row.code())).add(row);
            }
        }
        return byIndicator;
    }

    private JdbcClient.StatementSpec parameters(JdbcClient.StatementSpec statement, LocalDate from, LocalDate to, Scope scope) {
        statement = statement.param("from", from).param("to", to).param("yearBefore", to.minusYears(1)).param("today", time.today());
        for (var parameter : scope.parameters().entrySet()) {
            statement = statement.param(parameter.getKey(), parameter.getValue());
        }
        return statement;
    }

    private IndicatorRow row(Indicator indicator, Level level, String group, long numerator, long denominator) {
        Double percent = denominator == 0 ? null
                : BigDecimal.valueOf(100.0 * numerator / denominator).setScale(1, RoundingMode.HALF_UP).doubleValue();
        Double target = properties.target(indicator);
        return new IndicatorRow(indicator.name(), indicator.title(), level.name().toLowerCase(), group, numerator, denominator,
                percent, target, indicator.higherIsBetter(),
                RagStatus.of(percent, target, indicator.higherIsBetter(), properties.amberMargin()));
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new BadRequestException("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new BadRequestException("from", "a period is at most five years");
        }
    }
}
