package uk.csc.workflow.platform.web;

import java.util.List;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.glassfish.jersey.server.ParamException;

import uk.csc.workflow.platform.time.TimeSource;

/**
 * A query, path or header parameter of the engine REST API that is not of its type
 * ({@code maxResults=abc}): JAX-RS answers 404 as if the resource did not exist; this answers 400
 * naming the parameter.
 */
public class EngineRestParamErrors implements ExceptionMapper<ParamException> {

    @Context
    private UriInfo uri;

    private final TimeSource time;

    public EngineRestParamErrors(TimeSource time) {
        this.time = time;
    }

    @Override
    public Response toResponse(ParamException e) {
        String field = e.getParameterName() == null ? "request" : e.getParameterName();
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new EngineRestError(EngineRestError.INVALID_REQUEST, time.now().toString(), 400, "Bad Request",
                        "Please correct the request", uri == null ? null : "/engine-rest/" + uri.getPath(),
                        List.of(new FieldProblem(field, "has the wrong type or format"))))
                .build();
    }
}
