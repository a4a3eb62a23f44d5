package uk.csc.workflow.timescales;

/** Asked for a rule id the catalogue does not hold, or one that does not apply in the given profile. */
public class UnknownRuleException extends RuntimeException {

    public UnknownRuleException(String message) {
        super(message);
    }
}
