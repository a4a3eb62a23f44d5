package uk.csc.workflow.demo;

/** The demo city's history has been replayed (for benchmarks and anyone waiting on the demo). */
public record DemoCitySeeded(int contacts, int tasksDone, int jobsRun, long seconds) {
}
