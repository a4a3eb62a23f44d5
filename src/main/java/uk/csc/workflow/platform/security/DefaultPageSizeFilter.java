package uk.csc.workflow.platform.security;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine refuses unbounded queries (query-max-results-limit, a hardening setting), so a plain
 * {@code GET /engine-rest/task} would fail. Lists without {@code maxResults} get a default page
 * instead; a caller can still ask for any page up to the limit.
 */
public class DefaultPageSizeFilter extends OncePerRequestFilter {

    static final String MAX_RESULTS = "maxResults";
    private final int defaultPageSize;

    public DefaultPageSizeFilter(int defaultPageSize) {
        this.defaultPageSize = defaultPageSize;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) && request.getParameter(MAX_RESULTS) == null
                && !request.getRequestURI().endsWith("/count")) {
            chain.doFilter(new WithDefaultPage(request, Integer.toString(defaultPageSize)), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static final class WithDefaultPage extends HttpServletRequestWrapper {

        private final String pageSize;

        WithDefaultPage(HttpServletRequest request, String pageSize) {
            super(request);
            this.pageSize = pageSize;
        }

        @Override
        public String getQueryString() {
            String query = super.getQueryString();
            String page = MAX_RESULTS + "=" + pageSize;
            return query == null || query.isEmpty() ? page : query + "&" + page;
        }

        @Override
        public String getParameter(String name) {
            return MAX_RESULTS.equals(name) ? pageSize : super.getParameter(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> map = new HashMap<>(super.getParameterMap());
            map.put(MAX_RESULTS, new String[] {pageSize});
            return Collections.unmodifiableMap(map);
        }

        @Override
        public String[] getParameterValues(String name) {
            return MAX_RESULTS.equals(name) ? new String[] {pageSize} : super.getParameterValues(name);
        }
    }
}
