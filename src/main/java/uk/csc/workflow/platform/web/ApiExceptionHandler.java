package uk.csc.workflow.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import uk.csc.workflow.platform.time.TimeSource;

/**
 * Turns failures into {@link ApiError} answers. Logs no request data, since it may name a child:
 * a refusal (4xx) is noted for its one INFO line ({@link RefusedRequests}) with the field names
 * only, and only an unexpected failure (500) is logged at ERROR, with its stack trace.
 */
@RestControllerAdvice(basePackages = "uk.csc.workflow")
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
                List.of(new FieldProblem(e.getName(), "has the wrong format")), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape",
                List.of(), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e, HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, "Not found", List.of(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return answer(HttpStatus.FORBIDDEN, "You are not allowed to see or change this", List.of(), request);
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
        return ResponseEntity.status(status).body(new ApiError(time.now(), status.value(),
                status.getReasonPhrase(), message, request.getRequestURI(), problems));
    }
}
