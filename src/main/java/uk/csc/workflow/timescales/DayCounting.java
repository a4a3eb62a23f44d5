package uk.csc.workflow.timescales;

/**
 * Which working day the trigger date is. DOMAIN.md section 2 adopts {@link #TRIGGER_IS_DAY_ZERO};
 * the DfE CIN validator counts the trigger as day 1, so a council reconciling its census return
 * can switch. Calendar units (days, weeks, months, hours) are elapsed time and do not depend on it.
 */
public enum DayCounting {
    /** "Within N working days" ends on the N-th working day after the trigger date. */
    TRIGGER_IS_DAY_ZERO,
    /** A trigger on a working day is day 1, so N working days end on the (N-1)-th day after it. */
    TRIGGER_IS_DAY_ONE
}
