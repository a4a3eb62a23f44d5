package uk.csc.workflow.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/**
 * A job that loses a race (optimistic locking, a racing node's duplicate key) runs again within
 * seconds, not after the model's five minutes; one that keeps failing still becomes an incident;
 * any other failure keeps the model's cycle. And the node's cluster settings reach the engine.
 */
@PostgresIntegrationTest
class TransientRetryTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessEngine engine;
    @Autowired
    EngineClusterProperties settings;

    private Deployment deployment;

    @BeforeEach
    void deploy() {
        deployment = repository.createDeployment().name("retry-test").addClasspathResource("test-processes/flakyJob.bpmn").deploy();
    }

    @AfterEach
    void undeploy() {
        repository.deleteDeployment(deployment.getId(), true);
    }

    @Test
    void aJobThatLostARaceRunsAgainWithinSeconds() {
        Job job = flakyJob("conflict");

        assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(OptimisticLockingException.class);

        Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).as("one of the model's five retries used").isEqualTo(4);
        Duration wait = Duration.between(TestTime.base(), failed.getDuedate().toInstant());
        assertThat(wait).as("due again within seconds, not in five minutes")
                .isBetween(settings.transientRetryDelay(), settings.transientRetryDelay().multipliedBy(2));
        assertThat(failed.getExceptionMessage()).contains("lost a race");
    }

    @Test
    void aDuplicateKeyFromARacingNodeIsRetriedQuicklyToo() {
        Job job = flakyJob("duplicate");

        assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(DuplicateKeyException.class);

        Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(Duration.between(TestTime.base(), failed.getDuedate().toInstant())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aJobThatKeepsLosingBecomesAnIncident() {
        Job job = flakyJob("conflict");
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(OptimisticLockingException.class);
            Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
            assertThat(failed.getRetries()).isEqualTo(5 - attempt);
            Duration wait = Duration.between(TestTime.base(), failed.getDuedate().toInstant());
            assertThat(wait).as("attempt %d waits longer than the one before, and under a minute", attempt)
                    .isGreaterThan(previous.dividedBy(2)).isLessThan(Duration.ofMinutes(1));
            previous = wait;
        }
        assertThat(runtime.createIncidentQuery().configuration(job.getId()).count()).isEqualTo(1);
    }

    @Test
    void anyOtherFailureKeepsTheModelsRetryCycle() {
        Job job = flakyJob("fault");

        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("a real fault");

        Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(4);
        assertThat(Duration.between(TestTime.base(), failed.getDuedate().toInstant())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theNodesSettingsReachTheEngine() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(settings.jobLockTime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(configuration.getHostname()).isEqualTo(settings.nodeId());
        assertThat(configuration.getFailedJobCommandFactory()).isInstanceOf(TransientFailureRetries.class);
        assertThat(configuration.getJobExecutor()).isNotNull();
        assertThat(configuration.getJobExecutor().getLockTimeInMillis()).isEqualTo(60_000);
        assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo(settings.nodeId());
        assertThat(configuration.getJobExecutor().getMaxWait()).isEqualTo(10_000);
    }

    private Job flakyJob(String failWith) {
        String pi = runtime.startProcessInstanceByKey("flakyJob", Map.of("failWith", failWith)).getId();
        return management.createJobQuery().processInstanceId(pi).singleResult();
    }

    /** The flaky step: fails as the variable {@code failWith} says. */
    public static class FailAsTold implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            switch (String.valueOf(execution.getVariable("failWith"))) {
                case "conflict" -> throw new OptimisticLockingException("lost a race with another transaction (test)");
                case "duplicate" -> throw new DuplicateKeyException("a racing node inserted the row first (test)");
                case "fault" -> throw new IllegalStateException("a real fault (test)");
                default -> { }
            }
        }
    }
}
