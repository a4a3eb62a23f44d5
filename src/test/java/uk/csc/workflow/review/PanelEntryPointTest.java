package uk.csc.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.csc.workflow.referral.ReferralDriver.at;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.review.process.LookedAfterCare;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * LookedAfterCare.startCare called from another process's delegate, as the Reception into Care
 * panel will: one transaction, so a refusal leaves neither the panel's step nor a period of care.
 */
@PostgresIntegrationTest
class PanelEntryPointTest {

    @Autowired
    LookedAfterDriver care;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;

    private String deployment;

    @BeforeEach
    void deployThePanelStandIn() {
        at("2026-12-10T10:00");
        deployment = repository.createDeployment().name("panel-test").addClasspathResource("test-processes/panelPlacement.bpmn")
                .deploy().getId();
    }

    @AfterEach
    void cleanUp() {
        repository.deleteDeployment(deployment, true);
    }

    private int periodsOf(ContactRegistered c) {
        return jdbc.queryForObject("SELECT count(*) FROM looked_after_period WHERE case_id = ?", Integer.class, c.caseId());
    }

    @Test
    void thePanelsPlacementStepStartsCareInItsOwnTransaction() {
        ContactRegistered c = care.childBorn("2014-04-04");

        var panel = runtime.startProcessInstanceByKey("panelPlacement",
                Map.of("caseId", c.caseId(), "startDate", "2026-12-10", "legalStatus", "C1"));

        String lookedAfter = (String) history.createHistoricVariableInstanceQuery().processInstanceId(panel.getId())
                .variableName("lookedAfterProcessId").singleResult().getValue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(lookedAfter).singleResult().getBusinessKey())
                .isEqualTo(c.caseRef());
        assertThat(jdbc.queryForObject("SELECT process_instance_id FROM looked_after_period WHERE case_id = ?", String.class,
                c.caseId())).isEqualTo(lookedAfter);
        assertThat(jdbc.queryForObject("SELECT legal_status || ' ' || recorded_by FROM looked_after_episode WHERE case_id = ?",
                String.class, c.caseId())).isEqualTo("C1 panel.chair");
    }

    @Test
    void aRefusedStartRollsBackThePanelsStepToo() {
        ContactRegistered c = care.childBorn("2014-04-05");

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("panelPlacement",
                Map.of("caseId", c.caseId(), "startDate", "2026-12-10", "legalStatus", "ZZ")))
                .hasMessageContaining("legalStatus");

        assertThat(periodsOf(c)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.caseRef())
                .processDefinitionKey(LookedAfterReviewsModel.PROCESS_ID).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("panelPlacement")
                .variableValueEquals("caseId", c.caseId()).count()).isZero();
    }
}
