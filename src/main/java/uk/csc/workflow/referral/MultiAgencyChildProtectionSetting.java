package uk.csc.workflow.referral;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/**
 * Whether strategy discussions opening now run with a multi-agency child protection team
 * ({@code csc.child-protection.multi-agency} at start, switchable while running, as the guidance profile
 * is). The referral route reads it once, when a case's strategy discussion opens, and keeps the answer
 * in the route's {@code multiAgencyChildProtection}: switching it changes cases whose strategy
 * discussion opens later, never one under way.
 */
@Component
public class MultiAgencyChildProtectionSetting {

    private final AtomicBoolean on;

    MultiAgencyChildProtectionSetting(ChildProtectionProperties properties) {
        this.on = new AtomicBoolean(properties.multiAgency());
    }

    public boolean forNewStrategyDiscussions() {
        return on.get();
    }

    public void switchTo(boolean multiAgency) {
        on.set(multiAgency);
    }
}
