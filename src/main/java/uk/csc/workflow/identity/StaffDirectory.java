package uk.csc.workflow.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Who holds which role in which team, from the one user store. */
@Component
public class StaffDirectory {

    private final IdentityService identityService;

    StaffDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Users in both the role group and the team group, e.g. the team managers of team-north. */
    public List<String> membersOf(String role, String team) {
        List<String> inTeam = identityService.createUserQuery().memberOfGroup(team).list().stream().map(User::getId).toList();
        return identityService.createUserQuery().memberOfGroup(role).list().stream()
                .map(User::getId).filter(inTeam::contains).sorted().toList();
    }

    public List<String> teamManagers(String team) {
        return membersOf(Groups.TEAM_MANAGER, team);
    }

    public boolean isMember(String userId, String group) {
        return identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
    }
}
