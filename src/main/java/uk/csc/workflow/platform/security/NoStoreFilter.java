package uk.csc.workflow.platform.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Cache-Control: no-store} on every answer, errors included: what the APIs answer names
 * children, and must not stay in a browser's or a proxy's cache. Nothing further down the chain
 * can weaken it (a Cache-Control value without no-store is ignored).
 */
public class NoStoreFilter extends OncePerRequestFilter {

    static final String CACHE_CONTROL = "Cache-Control";
    static final String NO_STORE = "no-store";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(CACHE_CONTROL, NO_STORE);
        chain.doFilter(request, new NoStoreResponse(response));
    }

    private static final class NoStoreResponse extends HttpServletResponseWrapper {

        NoStoreResponse(HttpServletResponse response) {
            super(response);
        }

        private static boolean weakens(String name, String value) {
            return CACHE_CONTROL.equalsIgnoreCase(name) && (value == null || !value.toLowerCase(Locale.ROOT).contains(NO_STORE));
        }

        @Override
        public void setHeader(String name, String value) {
            if (!weakens(name, value)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (CACHE_CONTROL.equalsIgnoreCase(name)) {
                setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void reset() {
            super.reset();
            super.setHeader(CACHE_CONTROL, NO_STORE);
        }
    }
}
