package uk.csc.workflow.casefile;

import java.util.Map;

/**
 * Parts of the case file ({@code GET /api/cases/{ref}/file}) that another feature owns: the legal
 * status and placement (looked-after periods), the legal proceedings (the panel), the open
 * statutory deadlines (the clocks). The case file shows them without depending on those features.
 */
public interface CaseFileSection {

    /** Named parts of the file for the case, e.g. {@code legalStatus} and {@code placement}; null values are shown as null. */
    Map<String, Object> partsFor(long caseId);
}
