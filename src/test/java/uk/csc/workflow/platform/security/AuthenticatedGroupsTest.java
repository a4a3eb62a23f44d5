package uk.csc.workflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel.Tasks;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/**
 * The engine checks authorizations with the user's groups as given, without first reading every
 * grant's group (a scan of ACT_RU_AUTHORIZATION per command), and its answers are the same: a group
 * with no grant at all neither widens nor narrows what a user sees.
 */
@PostgresIntegrationTest
class AuthenticatedGroupsTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    ReferralDriver drive;
    @Autowired
    TaskService tasks;

    @Test
    void theEngineTakesTheUsersGroupsWithoutScanningEveryGrant() {
        List<String> groups = engine.getCommandExecutorTxRequired().execute(context -> {
            AuthorizationManager manager = context.getAuthorizationManager();
            assertThat(manager).isInstanceOf(ProductAuthorizationManager.class);
            return manager.filterAuthenticatedGroupIds(List.of("team-north", "a-group-with-no-grant"));
        });
        assertThat(groups).containsExactlyInAnyOrder("team-north", "a-group-with-no-grant");
    }

    @Test
    void aGroupWithoutGrantsChangesNoAnswer() {
        ContactRegistered north = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, TestTime.now().toString()));
        String task = drive.task(north.processInstanceId(), Tasks.RECORD_REFERRAL_DECISION).getId();

        assertThat(visible("manager.north", List.of("team-manager", "team-north"), north.processInstanceId())).containsExactly(task);
        assertThat(visible("manager.north", List.of("team-manager", "team-north", "a-group-with-no-grant"), north.processInstanceId()))
                .containsExactly(task);
        assertThat(visible("manager.south", List.of("team-manager", "team-south", "a-group-with-no-grant"), north.processInstanceId()))
                .isEmpty();
        assertThat(visible("nobody", List.of("a-group-with-no-grant"), north.processInstanceId())).isEmpty();

        // Working the task is still checked against the grants: the other team is refused, the own team completes it.
        Map<String, Object> decision = Map.of("referralDecision", "ACCEPT_REFERRAL");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> drive.complete(north.processInstanceId(), Tasks.RECORD_REFERRAL_DECISION,
                "manager.south", List.of("team-manager", "team-south", "a-group-with-no-grant"), decision))
                .isInstanceOf(RuntimeException.class);
        drive.complete(north.processInstanceId(), Tasks.RECORD_REFERRAL_DECISION, "manager.north",
                List.of("team-manager", "team-north", "a-group-with-no-grant"), decision);
        assertThat(tasks.createTaskQuery().processInstanceId(north.processInstanceId()).taskDefinitionKey(Tasks.RECORD_REFERRAL_DECISION)
                .count()).isZero();
    }

    private List<String> visible(String user, List<String> groups, String processInstanceId) {
        List<String>[] ids = new List[1];
        drive.identityAs(user, groups, () -> ids[0] = tasks.createTaskQuery().processInstanceId(processInstanceId).listPage(0, 50).stream()
                .map(t -> t.getId()).toList());
        return ids[0];
    }
}
