package uk.csc.workflow.performance;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Targets per indicator (percent) and the amber band ({@code csc.performance.*}).
 *
 * @param amberMargin percentage points short of target that are still amber
 */
@ConfigurationProperties("csc.performance")
public record PerformanceProperties(Map<Indicator, Double> targets, Double amberMargin) {

    public PerformanceProperties {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
        amberMargin = amberMargin == null ? 5.0 : amberMargin;
    }

    public Double target(Indicator indicator) {
        return targets.get(indicator);
    }
}
