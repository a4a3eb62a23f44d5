package uk.csc.workflow.platform.time;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every web request (the APIs, the engine's REST, the webapps) runs at the live time: see {@link HistoryReplay}. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LiveRequestGate extends OncePerRequestFilter {

    private final HistoryReplay replay;

    LiveRequestGate(HistoryReplay replay) {
        this.replay = replay;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            replay.live(() -> {
                try {
                    chain.doFilter(request, response);
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new GateException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (GateException e) {
            throw (ServletException) e.getCause();
        }
    }

    private static final class GateException extends RuntimeException {
        GateException(ServletException cause) {
            super(cause);
        }
    }
}
