package uk.csc.workflow.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user signed in to Tasklist or Cockpit call {@code /api} from a webapp plugin without
 * signing in again: the Camunda webapp session becomes a Spring authentication for this
 * request only. Signing out of Camunda ends {@code /api} access at once.
 *
 * <p>Changing calls must carry the webapp's CSRF token ({@code X-XSRF-TOKEN}), as Camunda's own
 * webapp calls do; without it the request gets no authentication (and so a 401).
 */
/* Not a bean: a filter bean would also be registered for every URL, outside the API chain. */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String ENGINE = "default";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && request.getHeader("Authorization") == null
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            authenticateFromWebappSession(request, session);
        }
        chain.doFilter(request, response);
    }

    private void authenticateFromWebappSession(HttpServletRequest request, HttpSession session) {
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return;
        }
        var engineAuthentication = authentications.getAuthenticationForProcessEngine(ENGINE);
        if (!(engineAuthentication instanceof UserAuthentication user)) {
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request, session)) {
            return;
        }
        var authorities = user.getGroupIds() == null ? java.util.List.<SimpleGrantedAuthority>of()
                : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
        var token = UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(token);
        SecurityContextHolder.setContext(context);
    }

    private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
        String given = request.getHeader(CSRF_HEADER);
        return expected != null && given != null && MessageDigest.isEqual(
                expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
