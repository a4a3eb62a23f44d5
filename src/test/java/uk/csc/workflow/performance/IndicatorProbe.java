package uk.csc.workflow.performance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For the benchmarks (bench/HistoryScaleBenchmark): each indicator's city-level SQL exactly as
 * {@link IndicatorService} sends it, so one indicator can be timed and explained on its own.
 */
public final class IndicatorProbe {

    private IndicatorProbe() {
    }

    /** Indicator code to SQL, with the named parameters :from, :to, :yearBefore and :today. */
    public static Map<String, String> citySql() {
        Map<String, String> sql = new LinkedHashMap<>();
        for (Indicator indicator : Indicator.values()) {
            sql.put(indicator.name(), "SELECT " + Level.CITY.groupExpression() + " AS grp, COALESCE(SUM(x.met), 0) AS numerator, "
                    + "COUNT(*) AS denominator FROM (" + IndicatorSql.COHORTS.get(indicator) + ") x WHERE 1 = 1");
        }
        return sql;
    }
}
