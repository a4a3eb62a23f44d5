package uk.csc.workflow.panel;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The panel's settings ({@code csc.panel.*}).
 *
 * @param sittingDay                        the weekly day the panel sits (a bank holiday moves it to the next working day)
 * @param sittingTime                       when the sitting starts (London): the chair's decision task opens then
 * @param papersCloseBeforeSitting          how long before a sitting starts its agenda closes: a later request waits for
 *                                          the next sitting (default: the agenda closes when the sitting starts)
 * @param serviceManagerEndorsesProceedings whether a request to issue care proceedings needs the service manager first
 */
@ConfigurationProperties("csc.panel")
public record PanelProperties(DayOfWeek sittingDay, LocalTime sittingTime, Duration papersCloseBeforeSitting,
                              Boolean serviceManagerEndorsesProceedings) {

    public PanelProperties {
        sittingDay = sittingDay == null ? DayOfWeek.TUESDAY : sittingDay;
        sittingTime = sittingTime == null ? LocalTime.of(10, 0) : sittingTime;
        papersCloseBeforeSitting = papersCloseBeforeSitting == null ? Duration.ZERO : papersCloseBeforeSitting;
        if (papersCloseBeforeSitting.isNegative()) {
            throw new IllegalArgumentException("csc.panel.papers-close-before-sitting cannot be negative");
        }
        serviceManagerEndorsesProceedings = serviceManagerEndorsesProceedings == null || serviceManagerEndorsesProceedings;
    }
}
