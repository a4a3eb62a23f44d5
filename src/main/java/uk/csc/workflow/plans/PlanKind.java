package uk.csc.workflow.plans;

/** A child protection plan, a child in need plan or (profile FAMILIES_FIRST) a Family Help plan. */
public enum PlanKind { CP, CIN, FH }
