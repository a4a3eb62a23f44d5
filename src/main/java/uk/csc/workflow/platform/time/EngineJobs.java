package uk.csc.workflow.platform.time;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Pauses and resumes the engine's job executor (an impl class, hence kept here). */
@Component
public class EngineJobs {

    private final ProcessEngine engine;

    EngineJobs(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Stops acquiring jobs; answers whether the executor was running (so that only then it is resumed). */
    public boolean pause() {
        var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (executor == null || !executor.isActive()) {
            return false;
        }
        executor.shutdown();
        return true;
    }

    public void resume() {
        var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (executor != null && !executor.isActive()) {
            executor.start();
        }
    }
}
