package uk.csc.workflow.performance;

/** The level indicators are reported at: DOMAIN.md's "city, team and individual level". */
public enum Level {
    CITY("'city'"), TEAM("x.team"), WORKER("COALESCE(x.worker, 'unallocated')");

    private final String groupExpression;

    Level(String groupExpression) {
        this.groupExpression = groupExpression;
    }

    String groupExpression() {
        return groupExpression;
    }
}
