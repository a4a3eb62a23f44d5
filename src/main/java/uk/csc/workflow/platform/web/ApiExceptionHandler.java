package uk.csc.workflow.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import uk.csc.workflow.platform.time.TimeSource;

/**
 * Turns failures into {@link ApiError} answers. Logs no request data, since it may name a child:
 * a refusal (4xx) is noted for its one INFO line ({@link RefusedRequests}) with the field names
 * only, and only an unexpected failure (500) is logged at ERROR, with its stack trace. Applies to
 * every Spring MVC request, so a refusal made before any controller is chosen (a method the path
 * does not answer, an Accept it cannot meet) has the same shape.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final TimeSource time;

    ApiExceptionHandler(TimeSource time) {
        this.time = time;
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ApiError> badRequest(BadRequestException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "Please correct the request", e.problems(), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        return answer(HttpStatus.BAD_REQUEST, "Please correct the request", problems, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> invalidParameter(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldProblem> problems = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return answer(HttpStatus.BAD_REQUEST, "Please correct the request", problems, request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "Please correct the request",
                List.of(new FieldProblem(e.getParameterName(), "is required")), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "Please correct the request",
                List.of(new FieldProblem(e.getName(), e.getRequiredType() != null && Number.class.isAssignableFrom(
                        org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(e.getRequiredType()))
                        ? "must be a whole number" : "has the wrong format")), request);
    }

    /** Malformed JSON, a missing or {@code null} body, or a value of the wrong type: the field and what it must be. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape",
                List.of(JsonProblems.of(e)), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as JSON",
                List.of(new FieldProblem("Content-Type", "must be application/json")), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return answer(HttpStatus.NOT_ACCEPTABLE, "This answer is available as application/json"
                        + (request.getRequestURI().startsWith("/api/performance/indicators") ? " or text/csv" : ""),
                List.of(new FieldProblem("Accept", "names no type this endpoint answers with")), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "This endpoint does not answer " + e.getMethod(),
                List.of(new FieldProblem("method", "must be one of " + (e.getSupportedHttpMethods() == null ? List.of()
                        : e.getSupportedHttpMethods().stream().map(Object::toString).sorted().toList()))), request);
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<ApiError> unbound(ServletRequestBindingException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "Please correct the request",
                List.of(new FieldProblem("request", "is missing a required part")), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e, HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage(), List.of(new FieldProblem(e.field(), "does not exist")), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, "Not found", List.of(new FieldProblem("path", "names no endpoint")), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return answer(HttpStatus.FORBIDDEN, "You are not allowed to see or change this",
                List.of(new FieldProblem("user", "is not allowed to see or change this")), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        Throwable rejection = TaskRejection.find(e);
        if (rejection != null) {
            // A listener or delegate of a process this call drove refused the values: the caller's to correct.
            return answer(rejection instanceof TaskRejection.Forbidden ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST,
                    rejection.getMessage(), List.of(), request);
        }
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            // Spring MVC's own refusals (wrong method, media type, ...): the caller's mistake, not a fault.
            HttpStatus status = HttpStatus.valueOf(spring.getStatusCode().value());
            return answer(status, status.getReasonPhrase(), List.of(), request);
        }
        RetryableFailures.Kind retryable = RetryableFailures.of(e);
        if (retryable == RetryableFailures.Kind.CONFLICT) {
            log.info("{} {} answered 409: it lost a race with another transaction", request.getMethod(), request.getRequestURI());
            return answer(HttpStatus.CONFLICT, RetryableFailures.CONFLICT_MESSAGE, RetryableFailures.CONFLICT, request);
        }
        if (retryable == RetryableFailures.Kind.UNAVAILABLE) {
            log.warn("{} {} answered 503: the database is out of reach ({})", request.getMethod(), request.getRequestURI(),
                    e.getClass().getSimpleName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(RetryableFailures.RETRY_AFTER_SECONDS))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError(time.now(), 503, HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                            RetryableFailures.UNAVAILABLE_MESSAGE, request.getRequestURI(), RetryableFailures.UNAVAILABLE));
        }
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong; the error has been logged",
                List.of(), request);
    }

    private ResponseEntity<ApiError> answer(HttpStatus status, String message, List<FieldProblem> problems,
                                                   HttpServletRequest request) {
        if (!problems.isEmpty()) {
            // Field names only: a reason may quote the value.
            RefusedRequests.note(request, "fields " + String.join(", ", problems.stream().map(FieldProblem::field).toList()));
        }
        // JSON whatever the request's Accept says (a CSV request's error is still an ApiError).
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(time.now(), status.value(),
                status.getReasonPhrase(), message, request.getRequestURI(), problems));
    }
}
