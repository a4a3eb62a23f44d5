package uk.csc.workflow.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.time.TimeSource;

/**
 * A sign-in against the engine's user table: the pause after failed attempts, the password and
 * the user's groups, in one engine command.
 *
 * <p>Every HTTP Basic request signs in, so this is on the path of every API call. As three
 * commands (the pause, {@code checkPassword}, the group query) it was three transactions and more
 * than half of a case read's CPU; in one command the user row is read once (the engine's entity
 * cache answers the password check) and one connection is taken.
 *
 * <p>The pause is the engine's own, kept in its user table, so every node and both sign-ins, HTTP
 * Basic and the webapps' login, see the same: each failed attempt in a row pauses sign-in for
 * {@code login-delay-base} times {@code login-delay-factor} to the power of the earlier failures,
 * at most {@code login-delay-max-time} seconds; a successful sign-in starts the count again. While
 * a pause lasts the password is not even checked. This reads Camunda's impl classes, hence it
 * lives in platform.
 */
@Component
public class EngineSignIn {

    /** What a sign-in attempt came to. */
    public sealed interface Outcome permits SignedIn, Paused, Refused {
    }

    /** The password was right: the user's group ids. */
    public record SignedIn(List<String> groupIds) implements Outcome {
    }

    /**
     * Not checked: sign-in is paused until {@code until}, after {@code failedAttempts} failures in
     * a row; {@link Instant#MAX} when only an administrator can unlock the account.
     */
    public record Paused(Instant until, int failedAttempts) implements Outcome {
    }

    /** An unknown user or a wrong password (the engine counted the failure). */
    public record Refused() implements Outcome {
    }

    private final ProcessEngineConfigurationImpl configuration;
    private final TimeSource time;

    EngineSignIn(ProcessEngine engine, TimeSource time) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.time = time;
    }

    public Outcome attempt(String userId, String password) {
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            ReadOnlyIdentityProvider users = commandContext.getReadOnlyIdentityProvider();
            Optional<Paused> pause = pauseOf(users.findUserById(userId));
            if (pause.isPresent()) {
                return pause.get();
            }
            if (!users.checkPassword(userId, password)) {
                return new Refused();
            }
            return new SignedIn(users.createGroupQuery(commandContext).groupMember(userId).list().stream()
                    .map(Group::getId).toList());
        });
    }

    private Optional<Paused> pauseOf(User user) {
        if (!(user instanceof UserEntity entity)) {
            return Optional.empty();
        }
        if (entity.getAttempts() >= configuration.getLoginMaxAttempts()) {
            // The engine's permanent lock (only if login-max-attempts is set low): until an administrator unlocks.
            return Optional.of(new Paused(Instant.MAX, entity.getAttempts()));
        }
        if (entity.getLockExpirationTime() != null && entity.getLockExpirationTime().toInstant().isAfter(time.now())) {
            return Optional.of(new Paused(entity.getLockExpirationTime().toInstant(), entity.getAttempts()));
        }
        return Optional.empty();
    }
}
