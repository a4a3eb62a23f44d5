package uk.csc.workflow.performance;

/** Red, amber or green against target; NO_DATA when the denominator is empty or there is no target. */
public enum RagStatus {
    GREEN, AMBER, RED, NO_DATA;

    static RagStatus of(Double percent, Double target, boolean higherIsBetter, double amberMargin) {
        if (percent == null || target == null) {
            return NO_DATA;
        }
        double shortfall = higherIsBetter ? target - percent : percent - target;
        if (shortfall <= 0) {
            return GREEN;
        }
        return shortfall <= amberMargin ? AMBER : RED;
    }
}
