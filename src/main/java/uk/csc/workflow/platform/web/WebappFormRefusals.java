package uk.csc.workflow.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.csc.workflow.platform.time.TimeSource;

/**
 * Tasklist submits forms through the webapps' own copy of the engine REST API
 * ({@code /camunda/api/engine}), a JAX-RS application of its own that {@link EngineRestErrors}
 * does not reach. There the engine wraps a refusal by our task listeners in a 500 with its own
 * codes. This filter gives Tasklist the answer {@code /engine-rest} gives: 400 with each field
 * and its reason in plain English (which the Tasklist plugin shows beside the field), or 403 for
 * a step that is not the user's. Only form submissions and starts are buffered; other calls pass
 * straight through.
 */
class WebappFormRefusals extends OncePerRequestFilter {

    static final String PATH = "/camunda/api/engine";
    private static final Pattern SUBMISSION = Pattern.compile("/camunda/api/engine/engine/[^/]+/(task/[^/]+/(submit-form|complete)"
            + "|process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(submit-form|start))");
    static final String MESSAGE = "Please correct the form: the fields marked say what is needed";

    private final TimeSource time;
    private final ObjectMapper json;

    WebappFormRefusals(TimeSource time, ObjectMapper json) {
        this.time = time;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !SUBMISSION.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var buffered = new ContentCachingResponseWrapper(response);
        boolean rewritten = false;
        try {
            chain.doFilter(request, buffered);
            rewritten = buffered.getStatus() >= 400 && rewriteRefusal(request, buffered, response);
        } finally {
            TaskRejection.forget();
            if (!rewritten) {
                buffered.copyBodyToResponse();
            }
        }
    }

    /**
     * The refusal as 400 with its fields, written straight to the client without a fixed length, so
     * the answer is complete only when the whole request is (its log line, written on the way out,
     * comes first).
     */
    private boolean rewriteRefusal(HttpServletRequest request, ContentCachingResponseWrapper buffered, HttpServletResponse response)
            throws IOException {
        String body = new String(buffered.getContentAsByteArray(), StandardCharsets.UTF_8);
        if (!body.contains(TaskRejection.INVALID)) {
            return false;
        }
        List<FieldProblem> problems = TaskRejection.takeRefused();
        buffered.resetBuffer();
        response.setStatus(400);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Written, not closed: closing the stream would complete the answer before the request ends.
        response.getOutputStream().write(json.writeValueAsBytes(new EngineRestError(EngineRestError.INVALID_REQUEST, time.now().toString(),
                400, "Bad Request", MESSAGE, request.getRequestURI(), problems.isEmpty()
                        ? List.of(new FieldProblem("variables", "were refused: please check the form")) : problems)));
        return true;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<WebappFormRefusals> webappFormRefusals(TimeSource time, ObjectMapper json) {
            var registration = new FilterRegistrationBean<>(new WebappFormRefusals(time, json));
            registration.setName("webapp-form-refusals");
            registration.addUrlPatterns(PATH + "/*");
            // After Spring Security and the engine door (which may refuse first), before the webapp's engine API.
            registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
            return registration;
        }
    }
}
