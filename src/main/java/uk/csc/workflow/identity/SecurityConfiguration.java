package uk.csc.workflow.identity;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import uk.csc.workflow.platform.security.CrossSiteRequestFilter;
import uk.csc.workflow.platform.security.WebappSessionAuthenticationFilter;
import uk.csc.workflow.platform.web.RefusedRequests;

/**
 * Who may call what. The APIs ({@code /api}, {@code /engine-rest}) need an authenticated user:
 * HTTP Basic against Camunda's users, or the Camunda webapp login session for {@code /api}.
 * The webapps ({@code /camunda}) run their own login and CSRF protection; Spring adds headers.
 * Changes sent from another web site are refused ({@link CrossSiteRequestFilter}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, CamundaUserAuthenticationProvider provider,
                                 @Value("${csc.security.trusted-origins:}") List<String> trustedOrigins) throws Exception {
        // Explicit path-pattern matchers: Jersey's /engine-rest is a separate servlet.
        http.securityMatcher(new OrRequestMatcher(withDefaults().matcher("/api/**"),
                        withDefaults().matcher("/engine-rest/**")))
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()))
                // Before anyone is signed in: a forged change neither runs nor counts as a failed sign-in.
                .addFilterAfter(new CrossSiteRequestFilter(trustedOrigins), HeaderWriterFilter.class)
                .addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                .sessionManagement(SecurityConfiguration::statelessKeepingTheWebappSession)
                // Spring's CSRF tokens do not fit stateless Basic calls. A browser replays Basic
                // credentials and the webapp session cookie on a forged request, though: changes
                // from another site are refused by CrossSiteRequestFilter (Origin, Referer,
                // Sec-Fetch-Site), and session calls must also carry the webapp's XSRF token
                // (WebappSessionAuthenticationFilter).
                .csrf(AbstractHttpConfigurer::disable)
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http, CamundaUserAuthenticationProvider provider) throws Exception {
        http.securityMatcher(withDefaults().matcher("/actuator/**"))
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(withDefaults().matcher("/actuator/health/**"),
                                withDefaults().matcher("/actuator/health"),
                                withDefaults().matcher("/actuator/info")).permitAll()
                        .anyRequest().hasAuthority(Groups.ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()))
                .sessionManagement(SecurityConfiguration::statelessKeepingTheWebappSession)
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * No session of our own, and no session-fixation step on the webapp's session either: with
     * STATELESS alone Spring still changes the id of an existing session on every authenticated
     * call, so a Cockpit plugin's {@code /api} call signed the user out of Cockpit (its calls in
     * flight carried the old id and got 401).
     */
    private static void statelessKeepingTheWebappSession(SessionManagementConfigurer<HttpSecurity> session) {
        session.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(fixation -> fixation.none());
    }

    @Bean
    @Order(3)
    SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
        // Camunda's webapps authenticate and authorize every call themselves (and keep their own
        // XSRF-TOKEN CSRF filter); Spring contributes the secure headers.
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(h -> h.frameOptions(f -> f.sameOrigin())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * 401 as JSON, and never a {@code WWW-Authenticate: Basic} challenge: a browser that got one
     * would show its login dialog and then replay the credentials on every request to this
     * server, other sites' forged ones included.
     */
    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            if (e instanceof BadCredentialsException) {
                RefusedRequests.note(request, "sign-in failed");
                write(response, 401, "Unauthorized", "The user name or password is wrong.");
            } else {
                RefusedRequests.note(request, "not signed in");
                write(response, 401, "Unauthorized", "Sign in to use this API");
            }
        };
    }

    private static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        // Our own fixed texts: nothing to escape.
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }
}
