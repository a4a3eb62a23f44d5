package uk.csc.workflow.timescales;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The guidance profile new cases start under: {@code csc.timescales.profile} at start, switchable
 * while running (a case keeps the profile it started with, DOMAIN.md section 3).
 */
@Component
public class GuidanceProfileSetting {

    private final AtomicReference<GuidanceProfile> current;

    GuidanceProfileSetting(TimescalesProperties properties) {
        this.current = new AtomicReference<>(properties.profile());
    }

    public GuidanceProfile forNewCases() {
        return current.get();
    }

    public void switchTo(GuidanceProfile profile) {
        current.set(profile);
    }
}
