package bench.bare;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The bare engine for the benchmarks: Camunda 7.24 with its Spring Boot starter and REST API, on
 * its own database of the same PostgreSQL server, with none of the product's code (this package
 * is all it scans, outside the product's packages so no product context scans it), no Flyway, no Spring Security, authorization off (on in {@link #startSigningIn}), history at the product's
 * level. It reads no application.yaml: only what {@link #start} passes.
 */
@SpringBootApplication(exclude = {FlywayAutoConfiguration.class, SecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class})
public class BareEngineApp {

    /** The engine named {@code bare}: authorization off, REST without sign-in, its job executor on. */
    public static ConfigurableApplicationContext start(String jdbcUrl) {
        return run(jdbcUrl, "bare", "--camunda.bpm.authorization.enabled=false", "--camunda.bpm.job-execution.enabled=true");
    }

    /**
     * A second engine, {@code bare-signed-in}, on a database {@link #start} made: authorization on and
     * every REST request signed in with Camunda's own HTTP Basic filter (a password check, the
     * user's groups and tenants), which is how a bare Camunda serves users. Its job executor is off:
     * the first engine runs the jobs.
     */
    public static ConfigurableApplicationContext startSigningIn(String jdbcUrl) {
        return run(jdbcUrl, "bare-signed-in", "--camunda.bpm.authorization.enabled=true", "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.database.schema-update=false", "--bench.bare.basic=true",
                // Group ids with a hyphen, as the tasks' candidate group "team-north" (the product allows the same).
                "--camunda.bpm.generic-properties.properties.group-resource-whitelist-pattern=[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
    }

    /** Camunda's REST filter for HTTP Basic, as its documentation registers it (web.xml's equivalent). */
    @Bean
    @ConditionalOnProperty("bench.bare.basic")
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    private static ConfigurableApplicationContext run(String jdbcUrl, String engineName, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.config.name=bare-engine-none",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--spring.datasource.hikari.pool-name=" + engineName,
                "--server.port=0",
                "--camunda.bpm.process-engine-name=" + engineName,
                "--camunda.bpm.auto-deployment-enabled=false",
                "--camunda.bpm.history-level=audit",
                "--camunda.bpm.generic-properties.properties.enforce-history-time-to-live=true",
                "--spring.jmx.enabled=false",
                // The product's start-up guard (an EnvironmentPostProcessor on the classpath) wants a password; no user is created.
                "--camunda.bpm.admin-user.password=not-used-by-the-bare-engine",
                "--logging.level.root=warn"));
        arguments.addAll(List.of(settings));
        return new SpringApplication(BareEngineApp.class).run(arguments.toArray(String[]::new));
    }
}
