package uk.csc.workflow.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine REST: a task completion our listeners refused is the caller's mistake (400) or not
 * theirs to make (403), not a server error. Only answers marked by {@link TaskRejection} change.
 */
public class EngineRestRejectionFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()
                || !(response.getEntity() instanceof ExceptionDto error) || error.getMessage() == null) {
            return;
        }
        String message = error.getMessage();
        if (message.contains(TaskRejection.INVALID)) {
            rewrite(response, error, Response.Status.BAD_REQUEST, "BadUserRequestException",
                    message.substring(message.indexOf(TaskRejection.INVALID)));
        } else if (message.contains(TaskRejection.FORBIDDEN)) {
            rewrite(response, error, Response.Status.FORBIDDEN, "AuthorizationException",
                    message.substring(message.indexOf(TaskRejection.FORBIDDEN)));
        }
    }

    private static void rewrite(ContainerResponseContext response, ExceptionDto error, Response.Status status,
                                String type, String message) {
        error.setType(type);
        error.setMessage(message);
        response.setStatus(status.getStatusCode());
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ResourceConfigCustomizer engineRestRejections() {
            return config -> config.register(EngineRestRejectionFilter.class);
        }
    }
}
