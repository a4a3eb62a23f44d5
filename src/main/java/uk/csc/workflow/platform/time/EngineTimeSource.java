package uk.csc.workflow.platform.time;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The engine's clock (ClockUtil is an impl class, hence kept in platform). */
@Component
class EngineTimeSource implements TimeSource {

    @Override
    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
