package uk.csc.workflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * A completion that loses a race with another transaction answers 409 with the reason (here a
 * reminder raising the task's priority while it is completed, as the escalation ladder does),
 * the task stays open and a second try succeeds; on {@code /api}, a conflict is 409 and a database
 * out of reach 503 with {@code Retry-After} (the database really stopping is in DatabaseRestartIT).
 */
@PostgresIntegrationTest
class RetryableAnswersTest {

    /** Armed by a test: the next completion of the racing task meets a priority change committed meanwhile. */
    static final AtomicBoolean RACE = new AtomicBoolean();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    private Deployment deployment;

    @AfterEach
    void undeploy() {
        RACE.set(false);
        if (deployment != null) {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aCompletionThatLosesARaceIsA409WithTheReasonAndCanBeRepeated() {
        deployment = repository.createDeployment().name("race-test").addClasspathResource("test-processes/racingTask.bpmn").deploy();
        String pi = runtime.startProcessInstanceByKey("racingTask").getId();
        String taskId = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();

        RACE.set(true);
        ResponseEntity<Map> lost = complete(taskId);

        assertThat(lost.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(lost.getBody()).containsEntry("status", 409).containsEntry("type", "Conflict")
                .containsEntry("message", RetryableFailures.CONFLICT_MESSAGE);
        assertThat((List<Map<String, Object>>) lost.getBody().get("problems")).extracting(p -> p.get("field")).containsExactly("request");
        assertThat(lost.getBody().toString()).doesNotContain("ENGINE-", "Exception", "UPDATE", "DELETE");
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getPriority())
                .as("the other transaction's change stands; the completion was rolled back").isEqualTo(75);

        ResponseEntity<Map> again = complete(taskId);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    }

    @Test
    void onTheApiAConflictIs409AndADatabaseOutOfReachIs503WithRetryAfter() {
        ApiExceptionHandler handler = new ApiExceptionHandler(() -> Instant.parse("2026-12-01T11:00:00Z"));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/contacts");

        ResponseEntity<ApiError> conflict = handler.unexpected(new RuntimeException("wrapped",
                new OptimisticLockingException("Entity was updated by another transaction concurrently")), request);
        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflict.getBody().message()).isEqualTo(RetryableFailures.CONFLICT_MESSAGE);
        assertThat(conflict.getBody().problems()).extracting(FieldProblem::field).containsExactly("request");

        for (Exception down : List.of(new CannotCreateTransactionException("Could not open JDBC Connection"),
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"),
                new RuntimeException(new java.sql.SQLException("terminating connection due to administrator command", "57P01")),
                new RuntimeException(new java.sql.SQLException("An I/O error occurred while sending to the backend", "08006")),
                new RuntimeException(new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                        new java.sql.SQLException("Connection is closed"))))) {
            ResponseEntity<ApiError> unavailable = handler.unexpected(down, request);
            assertThat(unavailable.getStatusCode()).as(down.toString()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(unavailable.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(unavailable.getBody().message()).isEqualTo(RetryableFailures.UNAVAILABLE_MESSAGE);
        }

        ResponseEntity<ApiError> fault = handler.unexpected(new IllegalStateException("a bug"), request);
        assertThat(fault.getStatusCode()).as("a real fault stays a 500").isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private ResponseEntity<Map> complete(String taskId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("admin", "demo").exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                new HttpEntity<>("{\"variables\": {}}", headers), Map.class);
    }

    /** The race: while the completion runs, another transaction raises the task's priority and commits first. */
    public static class RaiseThePriorityMeanwhile implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            if (RACE.compareAndSet(true, false)) {
                TaskService other = task.getProcessEngineServices().getTaskService();
                CompletableFuture.runAsync(() -> other.setPriority(task.getId(), 75)).join();
            }
        }
    }
}
