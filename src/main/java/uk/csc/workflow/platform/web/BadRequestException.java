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

    /** The problems back from a message of this class ("field: reason; field: reason"), as the engine passes it on. */
    static List<FieldProblem> parse(String message) {
        if (message == null || message.isBlank()) {
            return List.of(new FieldProblem("request", "Please correct the request"));
        }
        return java.util.Arrays.stream(message.split("; ")).map(part -> {
            int colon = part.indexOf(": ");
            return colon > 0 ? new FieldProblem(part.substring(0, colon).trim(), part.substring(colon + 2).trim())
                    : new FieldProblem("request", part.trim());
        }).toList();
    }
}
