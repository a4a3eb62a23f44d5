package uk.csc.workflow.platform.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.process.CandidateUsers;
import uk.csc.workflow.platform.process.CaseVariables;

/**
 * Engine authorizations that follow a case. Nothing in the engine is readable by staff through a
 * broad grant: when a process of a case starts, its starter calls {@link #open} once, which lets
 * the case's team group and the process's city-wide readers (the service managers, and the panel
 * chairs or IROs for their processes) read the instance and its history; every task the instance
 * creates is then readable by the same groups ({@link #inheritToTask}, called by the engine for
 * every user task). Candidates and assignees get the engine's own default task permissions on top
 * (history included, {@code enableHistoricInstancePermissions}). {@link #moveTeam} moves all of it
 * when a case changes team.
 *
 * <p>Grants created while the engine is still inside the command that started the instance are not
 * yet in the database, so lookups here also read the command's entity cache, as the engine's own
 * default authorization provider does.
 */
@Component
public class CaseAccess {

    private static final Resource[] INSTANCE = {Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE};
    private static final Resource[] TASK = {Resources.TASK, Resources.HISTORIC_TASK};

    private final ProcessEngineServices engine;

    CaseAccess(ProcessEngine engine) {
        this.engine = engine;
    }

    /**
     * The instance of a case has started: its team and {@code readers} (groups) may read it, its
     * history and every task it has or will have.
     */
    public void open(String processInstanceId, String team, Collection<String> readers) {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(team);
        groups.addAll(readers);
        asSystem(engine, () -> {
            for (String group : groups) {
                grant(engine, group, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
                grant(engine, group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
            }
            for (String taskId : openTaskIds(engine, processInstanceId)) {
                groups.forEach(group -> grantTask(engine, group, taskId));
            }
            return null;
        });
    }

    /** The groups that may read a process instance through the case's grants. */
    public Set<String> readersOf(String processInstanceId) {
        return asSystem(engine, () -> instanceReaders(engine, processInstanceId));
    }

    /** Called by the engine for every new user task: the instance's readers may read the task too. */
    static void inheritToTask(DelegateTask task) {
        ProcessEngineServices services = task.getProcessEngineServices();
        if (task.getProcessInstanceId() == null) {
            return;
        }
        asSystem(services, () -> {
            // The task is being created in this command: no grant on it can be in the database yet.
            instanceReaders(services, task.getProcessInstanceId()).forEach(group -> grantNewTask(services, group, task.getId()));
            return null;
        });
    }

    /**
     * A case moved from team {@code from} to team {@code to}: every grant of the old team on the
     * case's instances, tasks and history goes to the new team, and members of the old team lose
     * their personal grants on the case's tasks. In the running instances the routing variables
     * ({@code team}, {@code teamManagers}) name the new team; open tasks change their candidate group,
     * old-team candidate users give way to {@code toManagers}, and a task assigned to a member of the
     * old team goes back to the new team as a candidate task. The allocated worker of the old team
     * ({@code worker}) is cleared: the new team allocates its own.
     */
    public void moveTeam(String caseRef, String from, String to, List<String> toManagers) {
        asSystem(engine, () -> {
            Set<String> leaving = leavingMembers(from, to);
            for (HistoricProcessInstance instance : engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(caseRef).list()) {
                String pi = instance.getId();
                rerouteRunning(pi, from, to, toManagers, leaving);
                for (Resource resource : INSTANCE) {
                    moveGroupGrant(resource, pi, from, to);
                }
                for (HistoricTaskInstance task : engine.getHistoryService().createHistoricTaskInstanceQuery()
                        .processInstanceId(pi).list()) {
                    for (Resource resource : TASK) {
                        moveGroupGrant(resource, task.getId(), from, to);
                        for (String user : leaving) {
                            revokeUser(resource, task.getId(), user);
                        }
                    }
                }
            }
            return null;
        });
    }

    private void rerouteRunning(String pi, String from, String to, List<String> toManagers, Set<String> leaving) {
        RuntimeService runtime = engine.getRuntimeService();
        if (runtime.createProcessInstanceQuery().processInstanceId(pi).count() == 0) {
            return;
        }
        Map<String, Object> variables = runtime.getVariables(pi);
        if (variables.containsKey(CaseVariables.TEAM)) {
            runtime.setVariable(pi, CaseVariables.TEAM, to);
        }
        if (variables.containsKey(CaseVariables.TEAM_MANAGERS)) {
            runtime.setVariable(pi, CaseVariables.TEAM_MANAGERS, CandidateUsers.of(toManagers));
        }
        Object worker = variables.get(CaseVariables.WORKER);
        if (worker != null && leaving.contains(worker.toString())) {
            runtime.setVariable(pi, CaseVariables.WORKER, null);
        }
        TaskService tasks = engine.getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(pi).list()) {
            boolean lostCandidateUser = false;
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    continue;
                }
                if (from.equals(link.getGroupId())) {
                    tasks.deleteCandidateGroup(task.getId(), from);
                    tasks.addCandidateGroup(task.getId(), to);
                } else if (link.getUserId() != null && leaving.contains(link.getUserId())) {
                    tasks.deleteCandidateUser(task.getId(), link.getUserId());
                    lostCandidateUser = true;
                }
            }
            if (lostCandidateUser) {
                toManagers.forEach(manager -> tasks.addCandidateUser(task.getId(), manager));
            }
            if (task.getAssignee() != null && leaving.contains(task.getAssignee())) {
                tasks.setAssignee(task.getId(), null);
                tasks.addCandidateGroup(task.getId(), to);
            }
        }
    }

    private Set<String> leavingMembers(String from, String to) {
        IdentityService identity = engine.getIdentityService();
        Set<String> leaving = new LinkedHashSet<>(identity.createUserQuery().memberOfGroup(from).list().stream().map(User::getId).toList());
        leaving.removeAll(identity.createUserQuery().memberOfGroup(to).list().stream().map(User::getId).toList());
        return leaving;
    }

    private void moveGroupGrant(Resource resource, String resourceId, String from, String to) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        Authorization old = find(engine, from, null, resource, resourceId);
        if (old == null) {
            return;
        }
        Authorization existing = find(engine, to, null, resource, resourceId);
        if (existing == null) {
            old.setGroupId(to);
            authorizations.saveAuthorization(old);
        } else {
            AuthorizationEntity merged = (AuthorizationEntity) existing;
            merged.setPermissions(merged.getPermissions() | ((AuthorizationEntity) old).getPermissions());
            authorizations.saveAuthorization(merged);
            authorizations.deleteAuthorization(old.getId());
        }
    }

    private void revokeUser(Resource resource, String resourceId, String userId) {
        Authorization grant = find(engine, null, userId, resource, resourceId);
        if (grant != null) {
            engine.getAuthorizationService().deleteAuthorization(grant.getId());
        }
    }

    // ---- grants ---------------------------------------------------------------------------------

    private static void grantTask(ProcessEngineServices services, String group, String taskId) {
        grant(services, group, Resources.TASK, taskId, TaskPermissions.READ);
        grant(services, group, Resources.HISTORIC_TASK, taskId, HistoricTaskPermissions.READ);
    }

    /**
     * As {@link #grantTask} for a task created in this command, whose grants can only be among the
     * command's own unflushed entities: two queries per group fewer on every task's creation.
     */
    private static void grantNewTask(ProcessEngineServices services, String group, String taskId) {
        grant(services, group, Resources.TASK, taskId, TaskPermissions.READ, true);
        grant(services, group, Resources.HISTORIC_TASK, taskId, HistoricTaskPermissions.READ, true);
    }

    /** Adds the permission to the group's grant on the resource, creating the grant if there is none. */
    private static void grant(ProcessEngineServices services, String group, Resource resource, String resourceId,
                              Permission permission) {
        grant(services, group, resource, resourceId, permission, false);
    }

    private static void grant(ProcessEngineServices services, String group, Resource resource, String resourceId,
                              Permission permission, boolean createdInThisCommand) {
        Authorization existing = createdInThisCommand ? findCached(group, null, resource, resourceId)
                : find(services, group, null, resource, resourceId);
        if (existing != null && existing.isPermissionGranted(permission)) {
            return;
        }
        if (existing != null && Context.getCommandContext() != null && isCached((AuthorizationEntity) existing)) {
            // Not yet flushed, or loaded in this command: the command writes the change itself.
            existing.addPermission(permission);
            return;
        }
        Authorization grant = existing != null ? existing : services.getAuthorizationService().createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        services.getAuthorizationService().saveAuthorization(grant);
    }

    private static boolean isCached(AuthorizationEntity entity) {
        CommandContext command = Context.getCommandContext();
        return command != null && command.getDbEntityManager().getCachedEntity(AuthorizationEntity.class, entity.getId()) == entity;
    }

    /** The grant of a group (or user) on one resource: this command's unflushed grants first, then the database. */
    private static Authorization find(ProcessEngineServices services, String group, String user, Resource resource,
                                      String resourceId) {
        Authorization cached = findCached(group, user, resource, resourceId);
        if (cached != null) {
            return cached;
        }
        var query = services.getAuthorizationService().createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(resource).resourceId(resourceId);
        query = group != null ? query.groupIdIn(group) : query.userIdIn(user);
        return query.list().stream()
                .filter(a -> same(group, a.getGroupId()) && same(user, a.getUserId()))
                .findFirst().orElse(null);
    }

    /** This command's own grant of a group (or user) on one resource, flushed or not. */
    private static Authorization findCached(String group, String user, Resource resource, String resourceId) {
        CommandContext command = Context.getCommandContext();
        if (command != null) {
            for (AuthorizationEntity cached : command.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)) {
                if (cached.getAuthorizationType() == AUTH_TYPE_GRANT && cached.getResourceType() == resource.resourceType()
                        && resourceId.equals(cached.getResourceId()) && same(group, cached.getGroupId())
                        && same(user, cached.getUserId())) {
                    return cached;
                }
            }
        }
        return null;
    }

    private static boolean same(String expected, String actual) {
        return expected == null ? actual == null : expected.equals(actual);
    }

    private static Set<String> instanceReaders(ProcessEngineServices services, String processInstanceId) {
        Set<String> groups = new LinkedHashSet<>();
        CommandContext command = Context.getCommandContext();
        if (command != null) {
            for (AuthorizationEntity cached : command.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)) {
                if (cached.getAuthorizationType() == AUTH_TYPE_GRANT && cached.getGroupId() != null
                        && cached.getResourceType() == Resources.PROCESS_INSTANCE.resourceType()
                        && processInstanceId.equals(cached.getResourceId())
                        && cached.isPermissionGranted(ProcessInstancePermissions.READ)) {
                    groups.add(cached.getGroupId());
                }
            }
        }
        services.getAuthorizationService().createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list().stream()
                .filter(a -> a.getGroupId() != null && a.isPermissionGranted(ProcessInstancePermissions.READ))
                .forEach(a -> groups.add(a.getGroupId()));
        return groups;
    }

    /** The instance's open tasks, including those created in this command and not yet flushed. */
    private static Set<String> openTaskIds(ProcessEngineServices services, String processInstanceId) {
        Set<String> ids = new LinkedHashSet<>();
        CommandContext command = Context.getCommandContext();
        if (command != null) {
            for (TaskEntity task : command.getDbEntityManager().getCachedEntitiesByType(TaskEntity.class)) {
                if (processInstanceId.equals(task.getProcessInstanceId()) && !task.isDeleted()) {
                    ids.add(task.getId());
                }
            }
        }
        services.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list().forEach(t -> ids.add(t.getId()));
        return ids;
    }

    /**
     * Runs engine calls with no authorization checks: the grants are the system's business, not the
     * signed-in user's (who could not read or write authorizations).
     */
    static <T> T asSystem(ProcessEngineServices services, Supplier<T> calls) {
        CommandContext command = Context.getCommandContext();
        if (command != null) {
            return command.runWithoutAuthorization(calls::get);
        }
        IdentityService identity = services.getIdentityService();
        var current = identity.getCurrentAuthentication();
        if (current == null) {
            return calls.get();
        }
        identity.clearAuthentication();
        try {
            return calls.get();
        } finally {
            identity.setAuthentication(current);
        }
    }
}
