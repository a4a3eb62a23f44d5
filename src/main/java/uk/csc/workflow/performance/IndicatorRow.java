package uk.csc.workflow.performance;

/** One indicator for one group (the city, a team or a worker) over a period. */
public record IndicatorRow(String code, String name, String level, String group, long numerator, long denominator,
                           Double percent, Double target, boolean higherIsBetter, RagStatus status) {
}
