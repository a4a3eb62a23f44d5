package uk.csc.workflow.identity;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
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
import uk.csc.workflow.platform.security.NoStoreFilter;
import uk.csc.workflow.platform.security.WebappSessionAuthenticationFilter;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.RefusedRequests;

/**
 * Who may call what. The APIs ({@code /api}, {@code /engine-rest}) need an authenticated user:
 * HTTP Basic against Camunda's users, or the Camunda webapp login session for {@code /api}.
 * The webapps ({@code /camunda}) run their own login and CSRF protection; Spring adds headers.
 * API answers are never cached ({@link NoStoreFilter}); changes sent from another web site are
 * refused ({@link CrossSiteRequestFilter}); failed sign-ins pause the account for a while
 * ({@link CamundaUserAuthenticationProvider}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, CamundaUserAuthenticationProvider provider, TimeSource time,
                                 @Value("${csc.security.trusted-origins:}") List<String> trustedOrigins) throws Exception {
        // Explicit path-pattern matchers: Jersey's /engine-rest is a separate servlet.
        http.securityMatcher(new OrRequestMatcher(withDefaults().matcher("/api/**"),
                        withDefaults().matcher("/engine-rest/**")))
                .authenticationManager(onlyThe(provider))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized(time)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized(time)))
                .addFilterBefore(new NoStoreFilter(), HeaderWriterFilter.class)
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
    SecurityFilterChain actuatorChain(HttpSecurity http, CamundaUserAuthenticationProvider provider, TimeSource time)
            throws Exception {
        http.securityMatcher(withDefaults().matcher("/actuator/**"))
                .authenticationManager(onlyThe(provider))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(withDefaults().matcher("/actuator/health/**"),
                                withDefaults().matcher("/actuator/health"),
                                withDefaults().matcher("/actuator/info")).permitAll()
                        .anyRequest().hasAuthority(Groups.ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized(time)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized(time)))
                .sessionManagement(SecurityConfiguration::statelessKeepingTheWebappSession)
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * One check per request. With the provider also in the global manager (it is a bean), a failed
     * check fell through to the parent and ran again: two failed attempts counted per request.
     */
    private static AuthenticationManager onlyThe(CamundaUserAuthenticationProvider provider) {
        return new ProviderManager(provider);
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
     * server, other sites' forged ones included. A paused sign-in is 429 with when to try again.
     */
    private static AuthenticationEntryPoint unauthorized(TimeSource time) {
        return (request, response, e) -> {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            if (e instanceof SignInPausedException paused) {
                RefusedRequests.note(request, "sign-in paused after failed attempts");
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                if (paused.until().equals(Instant.MAX)) {
                    write(response, 429, "Too Many Requests",
                            "Sign-in for this account is locked after failed attempts: ask an administrator to unlock it.");
                    return;
                }
                // Whole seconds, rounded up: sign-in works again at the instant the pause ends.
                long seconds = Math.max(1, (Duration.between(time.now(), paused.until()).toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                write(response, 429, "Too Many Requests", "Sign-in for this account is paused after failed attempts. Try again after "
                        + CLOCK.format(paused.until().atZone(LONDON)) + " (UK time), in " + inWords(seconds) + ".");
                return;
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            if (e instanceof BadCredentialsException) {
                RefusedRequests.note(request, "sign-in failed");
                write(response, 401, "Unauthorized", "The user name or password is wrong. Each failed attempt in a row pauses "
                        + "sign-in for longer, at most five minutes.");
            } else {
                RefusedRequests.note(request, "not signed in");
                write(response, 401, "Unauthorized", "Sign in to use this API");
            }
        };
    }

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private static String inWords(long seconds) {
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "about a minute" : "about " + minutes + " minutes";
    }

    private static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        // Our own fixed texts (and a clock time): nothing to escape.
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }
}
