package uk.csc.workflow.plans;

/** A plan that a process is running: what an adapter needs to reach its process. */
public record OpenPlan(long planId, long caseId, String processInstanceId) {
}
