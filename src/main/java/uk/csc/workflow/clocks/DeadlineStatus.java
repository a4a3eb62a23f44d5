package uk.csc.workflow.clocks;

/** Where a statutory deadline stands. */
public enum DeadlineStatus {
    /** Not done, not yet due. */
    OPEN,
    /** Done on or before the due date. */
    MET,
    /** Done, but after the due date. */
    MET_LATE,
    /** Not done and past the due date. */
    BREACHED
}
