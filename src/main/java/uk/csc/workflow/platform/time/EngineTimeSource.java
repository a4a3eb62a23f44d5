package uk.csc.workflow.platform.time;

import java.time.Instant;

import org.springframework.stereotype.Component;

/** The engine's clock, so case records, deadlines and the engine's own timers agree. */
@Component
class EngineTimeSource implements TimeSource {

    @Override
    public Instant now() {
        return EngineClock.now();
    }
}
