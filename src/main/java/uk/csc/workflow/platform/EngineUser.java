package uk.csc.workflow.platform;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;

/**
 * The user the engine is acting for (set by the REST API and the webapps), without exposing
 * Camunda's impl Authentication class to the feature packages.
 */
public record EngineUser(String id, List<String> groups) {

    public static Optional<EngineUser> current(IdentityService identity) {
        var auth = identity.getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            return Optional.empty();
        }
        return Optional.of(new EngineUser(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds()));
    }
}
