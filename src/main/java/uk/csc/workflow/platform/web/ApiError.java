package uk.csc.workflow.platform.web;

import java.time.Instant;
import java.util.List;

/** The body of every error answer from {@code /api}: never a stack trace. */
public record ApiError(Instant timestamp, int status, String error, String message, String path,
                       List<FieldProblem> problems) {
}
