package uk.csc.workflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * The product's authorization manager answers every check exactly as the engine's SQL does. Random
 * sets of grants, revokes and global authorizations (on a task's own id and on any id, for the user,
 * for the user's groups and for everyone) are written, and the same checks are put to the engine's
 * own manager and to ours in one transaction: single checks, the four-way check of working on a
 * task, conjunctive checks, checks with a "not found" answer and checks of a user without groups.
 */
@PostgresIntegrationTest
class ProductAuthorizationManagerTest {

    private static final String USER = "equivalence.user";
    private static final List<String> GROUPS = List.of("equivalence-a", "equivalence-b");
    private static final String TASK = "equivalence-task";
    private static final String DEFINITION = "equivalenceProcess";
    private static final Permission[] TASK_PERMISSIONS = {Permissions.READ, Permissions.UPDATE, TaskPermissions.TASK_WORK,
            TaskPermissions.READ_VARIABLE};
    private static final Permission[] DEFINITION_PERMISSIONS = {ProcessDefinitionPermissions.TASK_WORK,
            ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.READ_TASK};

    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    AuthorizationService authorizations;

    @Test
    void everyAnswerIsTheEnginesOwn() {
        Random random = new Random(20261202L);
        int compared = 0;
        int granted = 0;
        for (int round = 0; round < 120; round++) {
            List<String> written = writeRandomAuthorizations(random);
            try {
                List<boolean[]> answers = engine.getCommandExecutorTxRequired().execute(context -> {
                    List<boolean[]> both = new ArrayList<>();
                    for (CompositePermissionCheck check : checks()) {
                        for (List<String> groups : List.of(GROUPS, List.<String>of(), List.of("equivalence-a"))) {
                            both.add(new boolean[] {new AuthorizationManager().isAuthorized(USER, groups, check),
                                    new ProductAuthorizationManager().isAuthorized(USER, groups, check)});
                        }
                    }
                    return both;
                });
                for (int i = 0; i < answers.size(); i++) {
                    boolean[] pair = answers.get(i);
                    assertThat(pair[1]).as("round %d, check %d", round, i).isEqualTo(pair[0]);
                    granted += pair[0] ? 1 : 0;
                }
                compared += answers.size();
            } finally {
                written.forEach(id -> authorizations.deleteAuthorization(id));
            }
        }
        // The random sets must have exercised both answers, or the comparison proves little.
        assertThat(compared).isGreaterThan(3000);
        assertThat(granted).isBetween(compared / 10, compared - compared / 10);
    }

    @Test
    void aPermissionTheResourceDoesNotHaveIsRefusedAsTheEngineRefusesIt() {
        assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(context -> new ProductAuthorizationManager()
                .isAuthorized(USER, GROUPS, new PermissionCheckBuilder()
                        .atomicCheckForResourceId(Resources.TASK, TASK, ProcessDefinitionPermissions.CREATE_INSTANCE).build())))
                .isInstanceOf(BadUserRequestException.class);
    }

    private List<CompositePermissionCheck> checks() {
        List<CompositePermissionCheck> checks = new ArrayList<>();
        for (Permission permission : TASK_PERMISSIONS) {
            checks.add(new PermissionCheckBuilder().atomicCheckForResourceId(Resources.TASK, TASK, permission).build());
            checks.add(new PermissionCheckBuilder().atomicCheckForResourceId(Resources.TASK, Authorization.ANY, permission).build());
        }
        // Working on a task, as the engine checks it (AuthorizationCommandChecker.checkTaskWork).
        checks.add(new PermissionCheckBuilder().disjunctive()
                .atomicCheckForResourceId(Resources.TASK, TASK, TaskPermissions.TASK_WORK)
                .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, DEFINITION, ProcessDefinitionPermissions.TASK_WORK)
                .atomicCheckForResourceId(Resources.TASK, TASK, Permissions.UPDATE)
                .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, DEFINITION, ProcessDefinitionPermissions.UPDATE_TASK)
                .build());
        checks.add(new PermissionCheckBuilder().conjunctive()
                .atomicCheckForResourceId(Resources.TASK, TASK, Permissions.READ)
                .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, DEFINITION, ProcessDefinitionPermissions.READ_TASK)
                .build());
        PermissionCheck notFoundGrants = new PermissionCheck();
        notFoundGrants.setPermission(Permissions.UPDATE);
        notFoundGrants.setResource(Resources.TASK);
        notFoundGrants.setResourceId(TASK);
        notFoundGrants.setAuthorizationNotFoundReturnValue(1L);
        CompositePermissionCheck notFound = new CompositePermissionCheck(true);
        notFound.addAtomicCheck(notFoundGrants);
        checks.add(notFound);
        return checks;
    }

    /** Up to ten authorizations at random (at most one per holder, kind and resource, as the table allows). */
    private List<String> writeRandomAuthorizations(Random random) {
        Map<String, Authorization> chosen = new LinkedHashMap<>();
        int count = 1 + random.nextInt(10);
        for (int i = 0; i < count; i++) {
            boolean onTask = random.nextInt(3) > 0;
            Resource resource = onTask ? Resources.TASK : Resources.PROCESS_DEFINITION;
            Permission[] permissions = onTask ? TASK_PERMISSIONS : DEFINITION_PERMISSIONS;
            String resourceId = random.nextInt(3) == 0 ? Authorization.ANY : onTask ? TASK : DEFINITION;
            int holder = random.nextInt(4);
            int type = holder == 3 ? Authorization.AUTH_TYPE_GLOBAL
                    : random.nextInt(3) == 0 ? Authorization.AUTH_TYPE_REVOKE : Authorization.AUTH_TYPE_GRANT;
            String key = holder + "/" + type + "/" + resource.resourceType() + "/" + resourceId;
            if (chosen.containsKey(key)) {
                continue;
            }
            Authorization authorization = authorizations.createNewAuthorization(type);
            switch (holder) {
                case 0 -> authorization.setUserId(USER);
                case 1, 2 -> authorization.setGroupId(GROUPS.get(holder - 1));
                default -> authorization.setUserId(Authorization.ANY);
            }
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            for (Permission permission : permissions) {
                if (random.nextBoolean()) {
                    if (type == Authorization.AUTH_TYPE_REVOKE) {
                        authorization.removePermission(permission);
                    } else {
                        authorization.addPermission(permission);
                    }
                }
            }
            chosen.put(key, authorization);
        }
        List<String> ids = new ArrayList<>();
        for (Authorization authorization : chosen.values()) {
            ids.add(authorizations.saveAuthorization(authorization).getId());
        }
        return ids;
    }
}
