package uk.csc.workflow.platform.web;

import java.util.List;

/** A request the caller must correct: answered as HTTP 400 naming each field and reason. */
public class BadRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public BadRequestException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public BadRequestException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.reason()).reduce((a, b) -> a + "; " + b).orElse("Bad request"));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
