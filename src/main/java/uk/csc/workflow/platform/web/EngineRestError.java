package uk.csc.workflow.platform.web;

import java.util.List;

/**
 * An error answer of the engine REST API ({@code /engine-rest}): the fields of {@link ApiError}
 * ({@code status}, {@code error}, {@code message}, {@code path}, {@code problems} naming each
 * field and reason) plus Camunda's {@code type}, which its clients branch on
 * ({@code AuthorizationException} for 403, {@code InvalidRequestException} for the caller's
 * other mistakes, {@code ServerError} for ours). Never a stack trace, SQL, a Java class name or
 * an engine message code.
 */
public record EngineRestError(String type, String timestamp, int status, String error, String message, String path,
                              List<FieldProblem> problems) {

    static final String INVALID_REQUEST = "InvalidRequestException";
    static final String AUTHORIZATION = "AuthorizationException";
    static final String SERVER_ERROR = "ServerError";
    /** A change that lost a race with another transaction (409). */
    static final String CONFLICT = "Conflict";
    /** The database out of reach for a moment (503). */
    static final String UNAVAILABLE = "ServiceUnavailable";
}
