package uk.csc.workflow.platform.web;

import java.util.List;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import uk.csc.workflow.platform.time.TimeSource;

/**
 * A JSON body the engine REST API could not bind ({@code "dueAfter": "garbage"}, a list where an
 * object goes): 400 naming the property by its JSON path and what it must be, in words. Mapped
 * here rather than by Camunda's own handler (a more general type), whose message names Java types.
 */
public class EngineRestJsonErrors implements ExceptionMapper<MismatchedInputException> {

    @Context
    private UriInfo uri;

    private final TimeSource time;

    public EngineRestJsonErrors(TimeSource time) {
        this.time = time;
    }

    @Override
    public Response toResponse(MismatchedInputException e) {
        FieldProblem problem = new FieldProblem(JsonProblems.path(e), JsonProblems.mustBe(e.getTargetType()));
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new EngineRestError(EngineRestError.INVALID_REQUEST, time.now().toString(), 400, "Bad Request",
                        "Please correct the request", uri == null ? null : "/engine-rest/" + uri.getPath(), List.of(problem)))
                .build();
    }
}
