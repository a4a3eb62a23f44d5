package uk.csc.workflow.platform.web;

/** One invalid field and why, in words a practitioner can act on. */
public record FieldProblem(String field, String reason) {
}
