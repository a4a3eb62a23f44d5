package uk.csc.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.script.ScriptEngineManager;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.support.PostgresIntegrationTest;

/** The engine, Flyway and the hardening settings on real PostgreSQL. */
@PostgresIntegrationTest
class PlatformIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(PlatformIntegrationTest.class);

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TestRestTemplate rest;

    @Test
    void engineAndOurTablesRunOnPostgresql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            log.info("Engine database: {} {}", meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
            assertThat(meta.getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(meta.getDatabaseMajorVersion()).isEqualTo(17);
        }
        assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");
        assertThat(jdbc.queryForList("select version_ from act_ge_schema_log", String.class)).contains("7.24.0");
        assertThat(jdbc.queryForList("select version from csc_schema_history where success", String.class))
                .contains("1");
    }

    @Test
    void hardeningSettingsAreInForce() {
        var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(config.isAuthorizationEnabled()).isTrue();
        assertThat(config.getQueryMaxResultsLimit()).isEqualTo(2000);
        assertThat(config.getDefaultSerializationFormat()).isEqualTo("application/json");
        assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(config.isEnableExpressionsInAdhocQueries()).isFalse();
        assertThat(config.isEnableXxeProcessing()).isFalse();
        assertThat(config.getHistory()).isEqualTo("audit");
        // No general-purpose scripting engine on the classpath (only the engine's own expression
        // languages, JUEL and FEEL, register): scripts in a model cannot run.
        var scripting = new ScriptEngineManager();
        assertThat(List.of("javascript", "js", "graal.js", "nashorn", "groovy", "python", "jython", "ruby"))
                .allSatisfy(language -> assertThat(scripting.getEngineByName(language)).as(language).isNull());
    }

    @Test
    void healthIsPublicAndUp() {
        ResponseEntity<Map> health = rest.getForEntity("/actuator/health", Map.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).containsEntry("status", "UP");
    }

    @Test
    void metricsAreForAdministratorsOnly() {
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("worker.north", "demo").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> metrics = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("jvm_memory_used_bytes");
    }

    @Test
    void errorAnswersCarryNoStackTrace() {
        ResponseEntity<String> answer = rest.withBasicAuth("worker.north", "demo")
                .getForEntity("/api/timescales/ICPC?from=not-a-date", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).doesNotContain("Exception").doesNotContain("at uk.csc").doesNotContain("trace");
    }

    @Test
    void secureHeadersAreSent() {
        ResponseEntity<String> answer = rest.withBasicAuth("worker.north", "demo").getForEntity("/api/timescales", String.class);

        assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.getHeaders().getFirst("Cache-Control")).contains("no-store");
        assertThat(answer.getHeaders().get("Set-Cookie")).as("the API is stateless").isNull();
    }

    @Test
    void tasklistAndCockpitAreServed() {
        ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class);

        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasklist.getBody()).containsIgnoringCase("tasklist");
        assertThat(List.of(rest.getForEntity("/camunda/app/cockpit/default/", String.class).getStatusCode(),
                rest.getForEntity("/camunda/app/admin/default/", String.class).getStatusCode()))
                .containsOnly(HttpStatus.OK);
    }
}
