package uk.csc.workflow.casefile;

/**
 * A role that works across the teams on some cases only: the panel chair on cases that came to
 * the panel, the independent reviewing officer on children in care, the screening team on
 * police notifications. The feature that knows which cases those are says so, so the case file
 * shows such a user what their role needs and no more.
 */
public interface CaseRemit {

    /** The role group (e.g. {@code panel-chair}). */
    String role();

    /** Whether the case is one the role works on. */
    boolean covers(long caseId);
}
