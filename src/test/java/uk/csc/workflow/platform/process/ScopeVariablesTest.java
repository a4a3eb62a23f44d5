package uk.csc.workflow.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel.Tasks;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/**
 * A form's handler reads the fields it asks for, one by one, not every variable of the instance:
 * an object variable that cannot even be read (its class unknown to this version) neither slows
 * nor blocks the completion of a task that does not use it.
 */
@PostgresIntegrationTest
class ScopeVariablesTest {

    @Autowired
    ReferralDriver drive;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void aCompletionReadsOnlyTheFieldsItsHandlerAsksFor() {
        ContactRegistered c = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, TestTime.now().toString()));
        runtime.setVariable(c.processInstanceId(), "unreadable", Variables.serializedObjectValue("{\"a\":1}")
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).objectTypeName("uk.csc.workflow.NoSuchType").create());
        assertThatThrownBy(() -> runtime.getVariables(c.processInstanceId())).as("the variable cannot be read whole")
                .hasMessageContaining("NoSuchType");

        drive.complete(c.processInstanceId(), Tasks.RECORD_REFERRAL_DECISION, "manager.north", List.of("team-manager", "team-north"),
                Map.of("referralDecision", "ACCEPT_REFERRAL"));

        assertThat(jdbc.queryForObject("SELECT decision FROM contact WHERE id = ?", String.class, c.contactId())).isEqualTo("ACCEPT_REFERRAL");
        assertThat(drive.task(c.processInstanceId(), Tasks.ALLOCATE_WORKER)).isNotNull();
    }

    @Test
    void theViewResolvesAsTheScopeDoes() {
        ContactRegistered c = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, TestTime.now().toString()));
        String pi = c.processInstanceId();
        Map<String, Object> seen = engine.getCommandExecutorTxRequired().execute(context -> {
            Map<String, Object> view = ScopeVariables.of(context.getExecutionManager().findExecutionById(pi));
            assertThat(((Number) view.get(CaseVariables.CASE_ID)).longValue()).isEqualTo(c.caseId());
            assertThat(view.containsKey(CaseVariables.CASE_ID)).isTrue();
            assertThat(view.containsKey("noSuchField")).isFalse();
            assertThat(view.get("noSuchField")).isNull();
            assertThat(view.get(42)).isNull();
            return new HashMap<>(view);
        });
        assertThat(seen).isEqualTo(runtime.getVariables(pi));
    }
}
