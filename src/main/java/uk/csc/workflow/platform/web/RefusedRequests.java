package uk.csc.workflow.platform.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log line for every refused call to {@code /api} and {@code /engine-rest} (any 4xx answer),
 * for each task form our listeners refused through the webapps' API (whose answer is a 500
 * Tasklist shows as the form's message) and for each failed webapp login: at INFO, with the
 * route (its template, or the path with every id left out), the status and what was refused
 * (field names, never the values; never a user id). Whoever refuses a request notes why with {@link #note}; nothing
 * else logs a refusal. Faults (5xx) are logged at ERROR where they happen.
 *
 * <pre>Refused POST /api/contacts: 400 Bad Request (fields child.nhsNumber, referralSource)</pre>
 */
public class RefusedRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);
    static final String REASON = RefusedRequests.class.getName() + ".reason";
    /** Path segments kept in the log: resource names such as {@code task}, {@code process-definition}. */
    private static final Pattern RESOURCE_NAME = Pattern.compile("[a-z]+(-[a-z]+)*");
    /** The Tasklist, Cockpit and Admin login. */
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

    /** Why this request is refused, for its log line: field names and reasons, never values. */
    public static void note(HttpServletRequest request, String reason) {
        request.setAttribute(REASON, reason);
    }

    /** As {@link #note}, for code that has no request at hand (engine listeners); nothing outside a web request. */
    public static void noteForCurrentRequest(String reason) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(REASON, reason, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            logIfRefused(request, response.getStatus());
        }
    }

    private static void logIfRefused(HttpServletRequest request, int status) {
        if (status < 400) {
            return;
        }
        Object reason = request.getAttribute(REASON);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (reason == null && status == 401 && WEBAPP_LOGIN.matcher(path).matches()) {
            reason = "sign-in failed or paused";
        }
        boolean ourApi = path.startsWith("/api/") || path.startsWith("/engine-rest/");
        // A noted refusal whatever the status (the webapps' API answers a refused task form with 500);
        // otherwise every 4xx of our APIs, but not the webapps' everyday 401s and 404s.
        if (reason == null && !(ourApi && status < 500)) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        log.info("Refused {} {}: {}{}", request.getMethod(), route(request), known == null ? status : status + " " + known.getReasonPhrase(),
                reason == null ? "" : " (" + reason + ")");
    }

    /** The handler's path template when Spring MVC matched one, else the path with ids and values left out. */
    static String route(HttpServletRequest request) {
        Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (template instanceof String pattern && !pattern.isEmpty() && !pattern.contains("**")) {
            return pattern;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            out.append('/').append(RESOURCE_NAME.matcher(segment).matches() ? segment : "{}");
        }
        return out.isEmpty() ? "/" : out.toString();
    }
}
