package uk.csc.workflow.timescales;

import java.util.Map;

/**
 * Amounts a council sets for its local standards as settings rather than in the rules data (how
 * often a child on a plan is visited, how often its core group meets). A bean implementing this
 * replaces the amount of each rule it names when the rules are loaded, so every clock, the
 * timescales API and the tests see the one value; the rules data holds the default.
 */
public interface LocalTimescales {

    /** Rule id to its local amount; only the rules a council has set. */
    Map<String, LocalAmount> amounts();

    /** An amount in a unit, which must be the rule's own (a setting in working days cannot change a rule in months). */
    record LocalAmount(DurationUnit unit, int amount) {
    }
}
