package uk.csc.workflow.plans;

/** What a plan's process schedules, each with its own clock. */
public enum ItemKind {
    REVIEW("review"), CORE_GROUP("core-group"), VISIT("visit");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    /** Tells this item's clock from the case's other clocks of the same rule: {@code cp12-review-3}. */
    String occurrence(PlanKind plan, long planId, int number) {
        return plan.name().toLowerCase() + planId + "-" + label + "-" + number;
    }
}
