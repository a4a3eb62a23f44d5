package uk.csc.workflow.panel;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The panel's settings ({@code csc.panel.*}).
 *
 * @param sittingDay                        the weekly day the panel sits (a bank holiday moves it to the next working day)
 * @param sittingTime                       when the sitting starts (London): the chair's decision task opens then
 * @param serviceManagerEndorsesProceedings whether a request to issue care proceedings needs the service manager first
 */
@ConfigurationProperties("csc.panel")
public record PanelProperties(DayOfWeek sittingDay, LocalTime sittingTime, Boolean serviceManagerEndorsesProceedings) {

    public PanelProperties {
        sittingDay = sittingDay == null ? DayOfWeek.TUESDAY : sittingDay;
        sittingTime = sittingTime == null ? LocalTime.of(10, 0) : sittingTime;
        serviceManagerEndorsesProceedings = serviceManagerEndorsesProceedings == null || serviceManagerEndorsesProceedings;
    }
}
