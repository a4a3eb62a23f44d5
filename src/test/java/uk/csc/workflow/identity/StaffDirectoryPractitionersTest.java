package uk.csc.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * A team's practitioners, as the allocation pick-list shows them: a team found is kept for a
 * minute, but a team with nobody in it yet is asked again, so its first social worker shows at once.
 */
@PostgresIntegrationTest
class StaffDirectoryPractitionersTest {

    private static final String TEAM = "team-east-workers-test";
    private static final String WORKER = "worker.east-test";

    @Autowired
    StaffDirectory staff;
    @Autowired
    IdentityService identityService;

    @AfterEach
    void removeTheTeamAndWorker() {
        if (identityService.createUserQuery().userId(WORKER).count() > 0) {
            identityService.deleteUser(WORKER);
        }
        if (identityService.createGroupQuery().groupId(TEAM).count() > 0) {
            identityService.deleteGroup(TEAM);
        }
    }

    @Test
    void aTeamsFirstSocialWorkerIsOfferedAtOnceAndThenKept() {
        Group group = identityService.newGroup(TEAM);
        group.setName("Team East");
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
        assertThat(staff.practitioners(TEAM)).isEmpty();

        User worker = identityService.newUser(WORKER);
        worker.setFirstName("Erin");
        worker.setLastName("East");
        worker.setPassword("not-a-demo-password-1");
        identityService.saveUser(worker);
        identityService.createMembership(WORKER, TEAM);
        identityService.createMembership(WORKER, Groups.PRACTITIONER);

        assertThat(staff.practitioners(TEAM)).containsExactly(new StaffDirectory.StaffMember(WORKER, "Erin East"));
        assertThat(staff.holds(WORKER, Groups.PRACTITIONER, TEAM)).isTrue();
        assertThat(staff.holds(WORKER, Groups.TEAM_MANAGER, TEAM)).as("another role in the team").isFalse();
        identityService.deleteMembership(WORKER, TEAM);
        assertThat(staff.practitioners(TEAM)).as("kept for the pick-list").hasSize(1);
        assertThat(staff.membersOf(Groups.PRACTITIONER, TEAM)).as("who may be allocated is asked afresh").isEmpty();
        assertThat(staff.holds(WORKER, Groups.PRACTITIONER, TEAM)).as("the role without the team").isFalse();
        assertThat(staff.holds("nobody", Groups.PRACTITIONER, TEAM)).isFalse();
    }
}
