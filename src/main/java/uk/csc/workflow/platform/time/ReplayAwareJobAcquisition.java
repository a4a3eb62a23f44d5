package uk.csc.workflow.platform.time;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultAcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * The job executor acquires nothing while a {@link HistoryReplay} runs: the replay runs its own
 * cases' jobs at the replayed time, and every other job waits for the live time. Guarding the
 * acquisition (rather than stopping the executor) holds whenever the executor is started.
 */
@Component
class ReplayAwareJobAcquisition extends AbstractProcessEnginePlugin {

    private final HistoryReplay replay;

    ReplayAwareJobAcquisition(HistoryReplay replay) {
        this.replay = replay;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        JobExecutor executor = configuration.getJobExecutor();
        if (executor == null) {
            return;
        }
        AcquireJobsCommandFactory live = new DefaultAcquireJobsCommandFactory(executor);
        executor.setAcquireJobsCmdFactory(jobs -> replay.running() ? context -> new AcquiredJobs(jobs) : live.getCommand(jobs));
    }
}
