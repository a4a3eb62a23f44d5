package uk.csc.workflow.platform.web;

import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.rest.dto.AuthorizationExceptionDto;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.csc.workflow.platform.cluster.EngineFailures;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * Every error answer of the engine REST API, in one shape ({@link EngineRestError}) that names
 * the field and the reason. The engine answers 500 for many of a caller's mistakes; those become
 * what they are: 400 for a refused form (the fields and reasons our listeners found), 403 for a
 * task that is not the caller's role's, 404 for an unknown id, 400 for a refused value. What is
 * left at 500 is ours, and says only that it was logged. No answer carries SQL, a Java class name
 * or an engine message code. Runs after {@link EngineRestRejectionFilter} (lower priority) and
 * works whether or not that filter rewrote the answer first. A change that lost a race with another
 * transaction is 409, a database out of reach 503 with {@code Retry-After} ({@link RetryableFailures}).
 */
@Priority(Priorities.USER - 500)
public class EngineRestErrors implements ContainerResponseFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

    private final TimeSource time;

    public EngineRestErrors(TimeSource time) {
        this.time = time;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            if (response.getStatus() >= 400 && !(response.getEntity() instanceof EngineRestError)) {
                rewrite(request, response);
            }
        } finally {
            TaskRejection.forget();
        }
    }

    private void rewrite(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        ExceptionDto dto = response.getEntity() instanceof ExceptionDto e ? e : null;
        String message = dto == null ? null : dto.getMessage();
        String path = "/engine-rest/" + request.getUriInfo().getPath();

        RetryableFailures.Kind retryable = RetryableFailures.ofEngine(EngineFailures.take());
        if (retryable == null && dto != null && "OptimisticLockingException".equals(dto.getType())) {
            retryable = RetryableFailures.Kind.CONFLICT;
        }
        if (retryable != null && status >= 500) {
            boolean unavailable = retryable == RetryableFailures.Kind.UNAVAILABLE;
            log.info("Engine REST {} {} answered {}", request.getMethod(), path,
                    unavailable ? "503: the database is out of reach" : "409: it lost a race with another transaction");
            if (unavailable) {
                response.getHeaders().putSingle("Retry-After", String.valueOf(RetryableFailures.RETRY_AFTER_SECONDS));
            }
            answer(response, unavailable ? 503 : 409, unavailable ? EngineRestError.UNAVAILABLE : EngineRestError.CONFLICT,
                    unavailable ? RetryableFailures.UNAVAILABLE_MESSAGE : RetryableFailures.CONFLICT_MESSAGE,
                    unavailable ? RetryableFailures.UNAVAILABLE : RetryableFailures.CONFLICT, path);
            return;
        }

        if (message != null && message.contains(TaskRejection.INVALID)) {
            List<FieldProblem> problems = TaskRejection.takeRefused();
            String refusal = problems.isEmpty() ? unquoted(message.substring(message.indexOf(TaskRejection.INVALID)))
                    : TaskRejection.INVALID + new BadRequestException(problems).getMessage();
            answer(response, 400, EngineRestError.INVALID_REQUEST, EngineRestMessages.tidy(refusal),
                    problems.isEmpty() ? List.of(new FieldProblem("variables", EngineRestMessages.tidy(refusal))) : problems, path);
            return;
        }
        if (message != null && message.contains(TaskRejection.FORBIDDEN)) {
            String refusal = EngineRestMessages.tidy(unquoted(message.substring(message.indexOf(TaskRejection.FORBIDDEN))));
            answer(response, 403, EngineRestError.AUTHORIZATION, refusal, List.of(new FieldProblem("user", refusal)), path);
            return;
        }
        if (dto instanceof AuthorizationExceptionDto authorization) {
            authorizationAnswer(response, authorization, path);
            return;
        }
        String unknown = status == 500 || status == 400 ? unknownPathParameter(request, message) : null;
        if (unknown != null) {
            // The engine says the id the path names does not exist (as a 500, or a 400 for some reads): 404.
            answer(response, 404, EngineRestError.INVALID_REQUEST, cleanOr(message, "Not found"),
                    List.of(new FieldProblem(unknown, "does not exist")), path);
            return;
        }
        if (status == 500 && EngineRestMessages.refusesJavaSerialization(message)) {
            answer(response, 400, EngineRestError.INVALID_REQUEST, "Java-serialized values are refused",
                    List.of(new FieldProblem(EngineRestMessages.fieldIn(message, "variables"), "Java-serialized values are refused")), path);
            return;
        }
        if (status >= 500 && dto != null && BadRequestException.class.getSimpleName().equals(dto.getType())) {
            // Our validation refused a value inside an engine command (a delegate): the caller's to correct.
            List<FieldProblem> problems = BadRequestException.parse(EngineRestMessages.tidy(message));
            answer(response, 400, EngineRestError.INVALID_REQUEST, "Please correct the request", problems, path);
            return;
        }
        if (status >= 500) {
            log.warn("Engine REST {} {} answered {} ({})", request.getMethod(), path, status, dto == null ? "no detail" : dto.getType());
            answer(response, status, EngineRestError.SERVER_ERROR, EngineRestMessages.SERVER_FAULT, List.of(), path);
            return;
        }
        String clean = EngineRestMessages.clean(message);
        answer(response, status, status == 403 ? EngineRestError.AUTHORIZATION : EngineRestError.INVALID_REQUEST,
                clean == null ? Response.Status.fromStatusCode(status) == null ? "Please correct the request"
                        : Response.Status.fromStatusCode(status).getReasonPhrase() : clean,
                List.of(new FieldProblem(field(request, status, message), reason(status, clean))), path);
    }

    /** The field a 4xx answer is about: the header or method for a refused request, else what the engine's message names. */
    private static String field(ContainerRequestContext request, int status, String message) {
        return switch (status) {
            case 415 -> "Content-Type";
            case 406 -> "Accept";
            case 405 -> "method";
            case 404 -> message == null ? "path" : EngineRestMessages.fieldIn(message, idField(request));
            case 403 -> "user";
            default -> EngineRestMessages.fieldIn(message, message != null && message.toLowerCase().contains("json") ? "body" : "request");
        };
    }

    private static String reason(int status, String clean) {
        return switch (status) {
            case 415 -> "must be application/json";
            case 406 -> "names no type this endpoint answers with (application/json)";
            case 405 -> "is not supported here";
            case 404 -> "does not exist";
            default -> clean == null ? "is not valid" : clean;
        };
    }

    /**
     * The path parameter whose value the engine's message says does not exist; for a server error
     * saying something does not exist, the first path parameter even when the message quotes none.
     */
    private static String unknownPathParameter(ContainerRequestContext request, String message) {
        if (!EngineRestMessages.namesSomethingUnknown(message)) {
            return null;
        }
        for (var parameter : request.getUriInfo().getPathParameters().entrySet()) {
            if (parameter.getValue().stream().anyMatch(value -> !value.isEmpty() && java.util.regex.Pattern.compile(
                    "(?<![\\w-])" + java.util.regex.Pattern.quote(value) + "(?![\\w-])").matcher(message).find())) {
                return parameter.getKey();
            }
        }
        return null;
    }

    /** The path parameter an unknown-id answer is about ({@code id}, {@code key}, ...): the first one of the matched path. */
    private static String idField(ContainerRequestContext request) {
        var parameters = request.getUriInfo().getPathParameters();
        if (parameters.containsKey("id")) {
            return "id";
        }
        return parameters.keySet().stream().findFirst().orElse("path");
    }

    /** The engine wraps a listener's message in quotes ("... Message: '...'"): without the closing one. */
    private static String unquoted(String refusal) {
        return refusal.endsWith("'") ? refusal.substring(0, refusal.length() - 1) : refusal;
    }

    /**
     * The engine's own 403: its fields (clients read the missing permissions) with the shape of
     * every other answer around them.
     */
    private void authorizationAnswer(ContainerResponseContext response, AuthorizationExceptionDto authorization, String path) {
        String clean = EngineRestMessages.clean(authorization.getMessage());
        String message = clean == null ? "You are not allowed to do this" : clean;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", EngineRestError.AUTHORIZATION);
        answer.put("timestamp", time.now().toString());
        answer.put("status", 403);
        answer.put("error", "Forbidden");
        answer.put("message", message);
        answer.put("path", path);
        answer.put("problems", List.of(new FieldProblem("user", "is not allowed to do this")));
        answer.put("userId", authorization.getUserId());
        answer.put("resourceName", authorization.getResourceName());
        answer.put("resourceId", authorization.getResourceId());
        answer.put("permissionName", authorization.getPermissionName());
        answer.put("missingAuthorizations", authorization.getMissingAuthorizations());
        response.setEntity(answer, new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
    }

    private static String cleanOr(String message, String otherwise) {
        String clean = EngineRestMessages.clean(message);
        return clean == null ? otherwise : clean;
    }

    private void answer(ContainerResponseContext response, int status, String type, String message, List<FieldProblem> problems,
                        String path) {
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        response.setStatus(status);
        response.setEntity(new EngineRestError(type, time.now().toString(), status,
                        statusType == null ? "Error" : statusType.getReasonPhrase(), message, path, problems),
                new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
    }
}
