package uk.csc.workflow.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import uk.csc.workflow.platform.time.TimeSource;

/**
 * A path or query parameter with a control character ({@code %00} and the like) is refused with
 * 400 naming it, for {@code /api} and {@code /engine-rest} alike: such a value names nothing, and
 * PostgreSQL refuses a NUL in any statement, which would otherwise surface as a server error.
 */
public class ControlCharacterFilter extends OncePerRequestFilter {

    private final ObjectMapper json;
    private final TimeSource time;

    ControlCharacterFilter(ObjectMapper json, TimeSource time) {
        this.json = json;
        this.time = time;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String field = offendingField(request);
        if (field == null) {
            chain.doFilter(request, response);
            return;
        }
        List<FieldProblem> problems = List.of(new FieldProblem(field, "must not contain control characters"));
        String path = request.getRequestURI();
        Object body = path.startsWith("/engine-rest")
                ? new EngineRestError(EngineRestError.INVALID_REQUEST, time.now().toString(), 400, "Bad Request", "Please correct the request",
                        path, problems)
                : new ApiError(time.now(), 400, "Bad Request", "Please correct the request", path, problems);
        response.setStatus(400);
        response.setContentType("application/json");
        json.writeValue(response.getOutputStream(), body);
    }

    private static String offendingField(HttpServletRequest request) {
        String decodedPath = (request.getServletPath() == null ? "" : request.getServletPath())
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (hasControl(decodedPath)) {
            return "path";
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (hasControl(parameter.getKey())) {
                return "parameter";
            }
            for (String value : parameter.getValue()) {
                if (hasControl(value)) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }

    private static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<ControlCharacterFilter> controlCharacters(ObjectMapper json, TimeSource time) {
            var registration = new FilterRegistrationBean<>(new ControlCharacterFilter(json, time));
            registration.setName("control-characters");
            registration.addUrlPatterns("/api/*", "/engine-rest/*");
            // After Spring Security (a caller without credentials still gets 401), before the engine's own filters.
            registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
            return registration;
        }
    }
}
