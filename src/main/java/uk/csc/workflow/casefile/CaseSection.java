package uk.csc.workflow.casefile;

/**
 * A part of the case summary that another feature owns (the panel history, the reviews), so
 * the case file shows it without depending on that feature.
 */
public interface CaseSection {

    String name();

    Object contentFor(long caseId);
}
