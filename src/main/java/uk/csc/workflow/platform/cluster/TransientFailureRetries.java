package uk.csc.workflow.platform.cluster;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.csc.workflow.platform.time.TimeSource;

/**
 * A job that failed on a transient database failure ({@link DatabaseFailures#isTransient}) runs
 * again within seconds instead of after the model's retry interval ({@code R5/PT5M}): two nodes
 * racing for one escalation, a reminder raising a task's priority while a worker completes it.
 * Each such failure still uses up one of the job's retries (the model's count, R5 giving five),
 * so a job that keeps failing, transiently or not, becomes an incident as before; every other
 * failure follows the model's cycle unchanged.
 */
class TransientFailureRetries implements FailedJobCommandFactory {

    private static final Logger log = LoggerFactory.getLogger(TransientFailureRetries.class);

    private final Duration firstDelay;
    private final TimeSource time;

    TransientFailureRetries(Duration firstDelay, TimeSource time) {
        this.firstDelay = firstDelay;
        this.time = time;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        if (DatabaseFailures.isTransient(exception)) {
            return new QuickRetry(jobId, exception);
        }
        return new DefaultJobRetryCmd(jobId, exception);
    }

    /** The wait before attempt {@code failures + 1}: the first delay doubled per earlier failure, at most 64 times, plus jitter. */
    Duration delayAfter(int failuresSoFar) {
        long base = firstDelay.toMillis() << Math.min(Math.max(failuresSoFar - 1, 0), 6);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private final class QuickRetry extends DefaultJobRetryCmd {

        QuickRetry(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            JobEntity job = getJob();
            if (job == null) {
                return null;
            }
            ActivityImpl activity = getCurrentActivity(commandContext, job);
            FailedJobRetryConfiguration cycle = activity == null ? null : getFailedJobRetryConfiguration(job, activity);
            boolean first = isFirstJobExecution(job);
            logException(job);
            if (first && cycle != null) {
                initializeRetries(job, cycle.getRetries());
            }
            int maxRetries = cycle != null ? cycle.getRetries() : Math.max(job.getRetries(), 1);
            int failures = Math.max(maxRetries - job.getRetries() + 1, 1);
            Duration wait = delayAfter(failures);
            job.setDuedate(new Date(time.now().toEpochMilli() + wait.toMillis()));
            job.unlock();
            // Counted like any failure: the last one leaves no retries and opens an incident.
            job.setRetries(job.getRetries() - 1);
            log.info("Job {} lost a race with another transaction or met the database unavailable; "
                    + "retrying in {} ms ({} retries left)", job.getId(), wait.toMillis(), job.getRetries());
            notifyAcquisition(commandContext);
            return null;
        }
    }
}
