package uk.csc.workflow.plans;

/** A child protection plan or a child in need plan. */
public enum PlanKind { CP, CIN }
