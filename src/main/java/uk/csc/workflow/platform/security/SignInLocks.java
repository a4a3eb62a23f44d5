package uk.csc.workflow.platform.security;

import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.time.TimeSource;

/**
 * Whether a user's sign-in is paused after failed attempts. The pause is the engine's own (kept
 * in its user table, so every node and both sign-ins, HTTP Basic and the webapps' login, see the
 * same): each failed attempt in a row pauses sign-in for {@code login-delay-base} times
 * {@code login-delay-factor} to the power of the earlier failures, at most
 * {@code login-delay-max-time} seconds; a successful sign-in starts the count again. The engine
 * reads Camunda's impl classes, hence this lives in platform.
 */
@Component
public class SignInLocks {

    /** A sign-in pause: until when, and after how many failed attempts in a row. */
    public record Lock(Instant until, int failedAttempts) {
    }

    private final IdentityService identity;
    private final ProcessEngine engine;
    private final TimeSource time;

    SignInLocks(IdentityService identity, ProcessEngine engine, TimeSource time) {
        this.identity = identity;
        this.engine = engine;
        this.time = time;
    }

    /** The pause in force for {@code userId} now, if any (none for an unknown user). */
    public Optional<Lock> current(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (!(user instanceof UserEntity entity)) {
            return Optional.empty();
        }
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Instant now = time.now();
        if (entity.getAttempts() >= configuration.getLoginMaxAttempts()) {
            // The engine's permanent lock (only if login-max-attempts is set low): until an administrator unlocks.
            return Optional.of(new Lock(Instant.MAX, entity.getAttempts()));
        }
        if (entity.getLockExpirationTime() != null && entity.getLockExpirationTime().toInstant().isAfter(now)) {
            return Optional.of(new Lock(entity.getLockExpirationTime().toInstant(), entity.getAttempts()));
        }
        return Optional.empty();
    }
}
