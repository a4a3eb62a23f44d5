package uk.csc.workflow.timescales;

/** How a statutory amount is counted. Only working days use the bank-holiday calendar. */
public enum DurationUnit {
    WORKING_DAYS, DAYS, WEEKS, MONTHS, HOURS
}
