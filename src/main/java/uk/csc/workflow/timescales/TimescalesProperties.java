package uk.csc.workflow.timescales;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the statutory clock ({@code csc.timescales.*}).
 *
 * @param profile           guidance profile for cases started from now on
 * @param dayCounting       day-counting convention for working-day rules
 * @param bankHolidaysFile  a file path replacing the bundled England and Wales bank holidays (optional)
 * @param rulesFile         a file path replacing the bundled statutory rules (optional)
 */
@ConfigurationProperties("csc.timescales")
public record TimescalesProperties(GuidanceProfile profile, DayCounting dayCounting,
                                   String bankHolidaysFile, String rulesFile) {

    public TimescalesProperties {
        profile = profile == null ? GuidanceProfile.WT2010 : profile;
        dayCounting = dayCounting == null ? DayCounting.TRIGGER_IS_DAY_ZERO : dayCounting;
    }
}
