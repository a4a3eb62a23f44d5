package uk.csc.workflow.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import uk.csc.workflow.platform.web.RefusedRequests;

/**
 * Cross-site request forgery protection for browser-borne credentials (a browser replays HTTP
 * Basic credentials it has seen, and the webapp session cookie, on requests another site makes
 * it send). A change ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) is refused with
 * 403 before anyone is signed in when the browser says it comes from another site:
 * {@code Sec-Fetch-Site: cross-site}, or an {@code Origin} (failing that, a {@code Referer}) of
 * another origin than this server's own or one of the trusted origins. A script that sends
 * neither header is not a browser on someone else's page, and passes.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String REFUSAL = "{\"status\":403,\"error\":\"Forbidden\",\"message\":"
            + "\"This change was sent from another web site and has been refused. Make changes from this "
            + "application's own pages, or from a script that sends no Origin header.\"}";

    private final Set<String> trustedOrigins;

    /** @param trustedOrigins other origins whose pages may make changes, e.g. {@code https://csc.example.gov.uk} */
    public CrossSiteRequestFilter(Collection<String> trustedOrigins) {
        this.trustedOrigins = trustedOrigins.stream().map(CrossSiteRequestFilter::origin)
                .filter(o -> o != null).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (CHANGES.contains(request.getMethod()) && fromAnotherSite(request)) {
            RefusedRequests.note(request, "sent from another web site");
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(REFUSAL);
            return;
        }
        chain.doFilter(request, response);
    }

    boolean fromAnotherSite(HttpServletRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            origin = request.getHeader("Referer");
        }
        if (origin == null) {
            return false;
        }
        String given = origin(origin);
        return given == null || !(given.equals(ownOrigin(request)) || trustedOrigins.contains(given));
    }

    /** This server as the browser sees it (behind a proxy, with server.forward-headers-strategy set). */
    private static String ownOrigin(HttpServletRequest request) {
        return normalised(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** {@code scheme://host[:port]} of a URL, lower case, without a default port; null for "null" or nonsense. */
    static String origin(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return normalised(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String normalised(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || "http".equals(s) && port == 80 || "https".equals(s) && port == 443;
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
