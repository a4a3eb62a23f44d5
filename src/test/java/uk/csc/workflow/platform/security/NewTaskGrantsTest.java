package uk.csc.workflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel.Tasks;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/**
 * A new task's candidates get the engine's default grants without a lookup of grants that cannot
 * exist yet; a task already stored still has its existing grants found and extended, not doubled.
 */
@PostgresIntegrationTest
class NewTaskGrantsTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    ReferralDriver drive;
    @Autowired
    TaskService tasks;
    @Autowired
    AuthorizationService authorizations;

    @Test
    void aNewTasksCandidatesHaveTheirGrantsAndAStoredTasksGrantsAreExtended() {
        assertThat(engine.getResourceAuthorizationProvider()).isInstanceOf(NewTaskGrantsPlugin.NewTaskGrants.class);
        ContactRegistered c = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, TestTime.now().toString()));
        String task = drive.task(c.processInstanceId(), Tasks.RECORD_REFERRAL_DECISION).getId();

        // Created with the route: the team reads it (the case's grant) and its candidate managers may work it.
        Authorization team = only(grants("team-north", null, task));
        assertThat(team.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(only(grants(null, "manager.north", task)).isPermissionGranted(Permissions.UPDATE)).isTrue();
        assertThat(authorizations.isUserAuthorized("manager.north", List.of("team-manager", "team-north"), Permissions.UPDATE,
                Resources.TASK, task)).isTrue();

        // Stored: a candidate added later finds the team's grant in the database and extends it.
        tasks.addCandidateGroup(task, "team-north");
        Authorization extended = only(grants("team-north", null, task));
        assertThat(extended.getId()).isEqualTo(team.getId());
        assertThat(extended.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(extended.isPermissionGranted(Permissions.UPDATE)).isTrue();
    }

    private List<Authorization> grants(String group, String user, String taskId) {
        var query = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId);
        return (group != null ? query.groupIdIn(group) : query.userIdIn(user)).list();
    }

    private static Authorization only(List<Authorization> grants) {
        assertThat(grants).hasSize(1);
        return grants.get(0);
    }
}
