package uk.csc.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * A team's name is kept for a minute once found, but an id not found is asked again every time,
 * so a team created in Admin is named at once and made-up ids are not remembered.
 */
@PostgresIntegrationTest
class StaffDirectoryGroupNameTest {

    // One id per test: a name found is kept for a minute, deleted or not.
    private static final String TEAM = "team-east-name-test";
    private static final String UNNAMED = "team-west-name-test";

    @Autowired
    StaffDirectory staff;
    @Autowired
    IdentityService identityService;

    @AfterEach
    void removeTheTeams() {
        for (String id : new String[] {TEAM, UNNAMED}) {
            if (identityService.createGroupQuery().groupId(id).count() > 0) {
                identityService.deleteGroup(id);
            }
        }
    }

    @Test
    void aTeamUnknownAtFirstIsNamedAsSoonAsItExists() {
        assertThat(staff.groupName(TEAM)).isEmpty();

        Group group = identityService.newGroup(TEAM);
        group.setName("Team East");
        group.setType("WORKFLOW");
        identityService.saveGroup(group);

        assertThat(staff.groupName(TEAM)).contains("Team East");
        assertThat(staff.groupName(TEAM)).as("the second read, from what was kept").contains("Team East");
    }

    @Test
    void aTeamWithoutANameIsCalledByItsId() {
        Group group = identityService.newGroup(UNNAMED);
        group.setType("WORKFLOW");
        identityService.saveGroup(group);

        assertThat(staff.groupName(UNNAMED)).contains(UNNAMED);
    }
}
