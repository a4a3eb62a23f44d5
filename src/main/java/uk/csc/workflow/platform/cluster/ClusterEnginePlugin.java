package uk.csc.workflow.platform.cluster;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.time.TimeSource;

/**
 * Wires {@link EngineClusterProperties} into the engine: the job executor's lock owner, lock time
 * and longest idle wait, the node's name in the engine's metrics, and the retry of jobs that
 * failed on a transient conflict ({@link TransientFailureRetries}); every command's transient
 * failure noted for the web answers ({@link EngineFailures}).
 */
@Component
class ClusterEnginePlugin extends AbstractProcessEnginePlugin {

    private final EngineClusterProperties settings;
    private final TimeSource time;

    ClusterEnginePlugin(EngineClusterProperties settings, TimeSource time) {
        this.settings = settings;
        this.time = time;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(settings.nodeId());
        configuration.setFailedJobCommandFactory(new TransientFailureRetries(settings.transientRetryDelay(), time));
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new EngineFailures.Recorder());
        if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(0, new EngineFailures.Recorder());
        JobExecutor executor = configuration.getJobExecutor();
        if (executor != null) {
            apply(executor);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        JobExecutor executor = configuration.getJobExecutor();
        if (executor != null) {
            apply(executor);
        }
    }

    private void apply(JobExecutor executor) {
        executor.setLockOwner(settings.nodeId());
        executor.setLockTimeInMillis(Math.toIntExact(settings.jobLockTime().toMillis()));
        executor.setMaxWait(settings.acquisitionMaxWait().toMillis());
        if (executor.getWaitTimeInMillis() > settings.acquisitionMaxWait().toMillis()) {
            executor.setWaitTimeInMillis(Math.toIntExact(settings.acquisitionMaxWait().toMillis()));
        }
    }
}
