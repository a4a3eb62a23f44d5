package uk.csc.workflow.platform.web;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Names the field of a JSON body that could not be read, and what it must be, in words (never the
 * parser's message, which names Java types).
 */
final class JsonProblems {

    static final String BODY = "body";

    private JsonProblems() {
    }

    static FieldProblem of(HttpMessageNotReadableException e) {
        return of(e.getCause());
    }

    static FieldProblem of(Throwable cause) {
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return new FieldProblem(path(mapping), mustBe(target));
        }
        if (cause instanceof JsonMappingException) {
            return new FieldProblem(BODY, "must be a JSON object of the expected shape");
        }
        if (cause instanceof JsonProcessingException) {
            return new FieldProblem(BODY, "is not valid JSON");
        }
        return new FieldProblem(BODY, "is required: a JSON object");
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? BODY : path.toString();
    }

    static String mustBe(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (Temporal.class.isAssignableFrom(type) || java.util.Date.class.isAssignableFrom(type)) {
            return "must be a date and time (ISO 8601, e.g. 2026-12-01T09:30:00Z)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be a JSON object";
        }
        return "has the wrong type";
    }
}
