package uk.csc.workflow.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import uk.csc.workflow.platform.time.EngineClock;

/** Pins the engine's clock (and so the time source) to {@link TestTime#base()} before and after every test. */
public class PinnedClock implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        EngineClock.pin(TestTime.base());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        EngineClock.pin(TestTime.base());
    }
}
