package uk.csc.workflow.platform.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.process.EngineSessions;

/**
 * The engine's authorization checks take the signed-in user's groups as they are. Camunda first
 * narrows them, once per command, to the groups that hold any authorization, and finds those by
 * reading every row of ACT_RU_AUTHORIZATION ({@code SELECT distinct(GROUP_ID_)}). It is written for
 * directories where a user has hundreds of groups; here a user has a role and a team or two, and the
 * table holds several grants for every open task and case, so that scan was the costliest statement
 * of a task completion (0.6 ms with a few thousand rows) and grew with the city. A group without
 * grants matches no row of the checks' {@code GROUP_ID_ IN (...)}, so every answer is the same.
 * The same manager answers single-resource checks from their grant rows
 * ({@link ProductAuthorizationManager}).
 */
@Component
class AuthenticatedGroupsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.replace(configuration, AuthorizationManager.class, ProductAuthorizationManager::new);
    }
}
