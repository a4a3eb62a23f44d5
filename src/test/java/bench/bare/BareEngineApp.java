package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bare engine for the benchmarks: Camunda 7.24 with its Spring Boot starter and REST API, on
 * its own database of the same PostgreSQL server, with none of the product's code (this package
 * is all it scans, outside the product's packages so no product context scans it), no Flyway, no Spring Security, authorization off, history at the product's
 * level. It reads no application.yaml: only what {@link #start} passes.
 */
@SpringBootApplication(exclude = {FlywayAutoConfiguration.class, SecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class})
public class BareEngineApp {

    public static ConfigurableApplicationContext start(String jdbcUrl) {
        return new SpringApplication(BareEngineApp.class).run(
                "--spring.config.name=bare-engine-none",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--spring.datasource.hikari.pool-name=bare",
                "--server.port=0",
                "--camunda.bpm.process-engine-name=bare",
                "--camunda.bpm.auto-deployment-enabled=false",
                "--camunda.bpm.history-level=audit",
                "--camunda.bpm.authorization.enabled=false",
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.generic-properties.properties.enforce-history-time-to-live=true",
                "--spring.jmx.enabled=false",
                // The product's start-up guard (an EnvironmentPostProcessor on the classpath) wants a password; no user is created.
                "--camunda.bpm.admin-user.password=not-used-by-the-bare-engine",
                "--logging.level.root=warn");
    }
}
