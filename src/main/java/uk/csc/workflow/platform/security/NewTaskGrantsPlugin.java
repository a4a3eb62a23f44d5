package uk.csc.workflow.platform.security;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's own grants to a task's candidates and assignee, without asking the database for a
 * grant on a task that does not exist there yet. Camunda looks up the user's or group's existing
 * grant before it creates one, for each candidate and each of the task and its history: four
 * queries for every task a route creates, which can only find nothing while the creating command
 * has not written the task. This command's own grants are still merged, as the engine does in
 * {@link DefaultAuthorizationProvider#createAuthorization}; a task already stored is looked up as before.
 */
@Component
class NewTaskGrantsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new NewTaskGrants());
    }

    static final class NewTaskGrants extends DefaultAuthorizationProvider {

        @Override
        protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId, Resource resource) {
            if (isBeingCreated(taskId)) {
                return null;
            }
            return super.getGrantAuthorization(taskId, userId, groupId, resource);
        }

        /** Inserted by this command and not yet flushed: nothing of it can be in the database. */
        static boolean isBeingCreated(String taskId) {
            CommandContext command = Context.getCommandContext();
            if (command == null || taskId == null) {
                return false;
            }
            TaskEntity task = command.getDbEntityManager().getDbEntityCache().get(TaskEntity.class, taskId);
            return task != null && command.getDbEntityManager().getDbEntityCache().isTransient(task);
        }
    }
}
