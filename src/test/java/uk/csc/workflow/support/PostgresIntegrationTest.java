package uk.csc.workflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port against embedded PostgreSQL, with the demo identities
 * and the job executor off (tests fire jobs themselves), at a pinned instant ({@link TestTime}). Metrics export is on, as in production. Every test with this annotation shares
 * one Spring context, so the engine starts once per run. Flow-node coverage of the models is
 * recorded for every test class (target/process-test-coverage).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import({EmbeddedPostgresConfiguration.class, ProcessEngineCoverageConfiguration.class})
@AutoConfigureObservability(tracing = false)
@ExtendWith(PinnedClock.class)
public @interface PostgresIntegrationTest {
}
