package uk.csc.workflow.casefile;

import java.time.Instant;
import java.time.LocalDate;

import uk.csc.workflow.casefile.CaseFileCodes.ChronologyKind;

/**
 * One event in a child's chronology.
 *
 * @param date    the day it happened (London)
 * @param at      when it was recorded, to order the entries of one day; may be null
 * @param summary what happened, in plain English (codes in words)
 * @param who     the user who did or recorded it ({@code system} for the engine's own steps)
 */
public record ChronologyEntry(long caseId, LocalDate date, Instant at, ChronologyKind kind, String summary, String who) {
}
