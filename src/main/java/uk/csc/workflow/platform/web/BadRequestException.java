package uk.csc.workflow.platform.web;

import java.util.List;

/**
 * A request the caller must correct: answered as HTTP 400 naming each field and reason. The
 * field names (never the values) are noted for the request's one log line ({@link RefusedRequests}).
 */
public class BadRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public BadRequestException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public BadRequestException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.reason()).reduce((a, b) -> a + "; " + b).orElse("Bad request"));
        this.problems = List.copyOf(problems);
        RefusedRequests.noteForCurrentRequest(fieldNames());
    }

    /** "fields a, b": what a log line may say about this refusal. */
    String fieldNames() {
        return "fields " + String.join(", ", problems.stream().map(FieldProblem::field).toList());
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
