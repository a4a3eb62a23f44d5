package uk.csc.workflow.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks take the signed-in user's groups as they are. Camunda first
 * narrows them, once per command, to the groups that hold any authorization, and finds those by
 * reading every row of ACT_RU_AUTHORIZATION ({@code SELECT distinct(GROUP_ID_)}). It is written for
 * directories where a user has hundreds of groups; here a user has a role and a team or two, and the
 * table holds several grants for every open task and case, so that scan was the costliest statement
 * of a task completion (0.6 ms with a few thousand rows) and grew with the city. A group without
 * grants matches no row of the checks' {@code GROUP_ID_ IN (...)}, so every answer is the same.
 */
@Component
class AuthenticatedGroupsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new GroupsAsGiven();
            }
        });
    }

    static final class GroupsAsGiven extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            // A mutable list, as the engine's own answer is (MyBatis reflects on it).
            return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
        }
    }
}
