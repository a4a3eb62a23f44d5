package uk.csc.workflow.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import uk.csc.workflow.platform.cluster.EngineFailures;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * Outside everything else (sign-in included, which reads the engine's users): a request that met
 * the database out of reach, or lost a race, and was not answered by the layers inside answers
 * 503 with {@code Retry-After} or 409, in the shape of every error, never a 500. Also clears the
 * engine failure noted for the request ({@link EngineFailures}) before and after it.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ObjectMapper json;
    private final TimeSource time;

    DatabaseUnavailableFilter(ObjectMapper json, TimeSource time) {
        this.json = json;
        this.time = time;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EngineFailures.clear();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            RetryableFailures.Kind kind = RetryableFailures.of(e);
            if (kind == null || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(),
                    kind == RetryableFailures.Kind.UNAVAILABLE ? "503, the database out of reach" : "409, a conflicting change",
                    e.getClass().getSimpleName());
            answer(request, response, kind);
        } finally {
            EngineFailures.clear();
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, RetryableFailures.Kind kind) throws IOException {
        response.resetBuffer();
        boolean unavailable = kind == RetryableFailures.Kind.UNAVAILABLE;
        int status = unavailable ? 503 : 409;
        response.setStatus(status);
        if (unavailable) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RetryableFailures.RETRY_AFTER_SECONDS));
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        List<FieldProblem> problems = unavailable ? RetryableFailures.UNAVAILABLE : RetryableFailures.CONFLICT;
        json.writeValue(response.getOutputStream(), new ApiError(time.now(), status,
                unavailable ? "Service Unavailable" : "Conflict",
                unavailable ? RetryableFailures.UNAVAILABLE_MESSAGE : RetryableFailures.CONFLICT_MESSAGE,
                request.getRequestURI(), problems));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailable(ObjectMapper json, TimeSource time) {
            var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter(json, time));
            registration.addUrlPatterns("/*");
            registration.setName("databaseUnavailable");
            // Inside the live-time gate and the refusal log, outside Spring Security.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            return registration;
        }
    }
}
