package uk.csc.workflow.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Who holds which role in which team, from the one user store. */
@Component
public class StaffDirectory {

    private static final long KEPT_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final IdentityService identityService;
    private final KeptReads<String> groupNames;
    private final KeptReads<List<StaffMember>> practitioners;

    StaffDirectory(IdentityService identityService) {
        this.identityService = identityService;
        this.groupNames = new KeptReads<>(KEPT_NANOS, System::nanoTime);
        this.practitioners = new KeptReads<>(KEPT_NANOS, System::nanoTime);
    }

    /** Users in both the role group and the team group, e.g. the team managers of team-north. */
    public List<String> membersOf(String role, String team) {
        List<String> inTeam = identityService.createUserQuery().memberOfGroup(team).list().stream().map(User::getId).toList();
        if (inTeam.isEmpty()) {
            return List.of();
        }
        // The role's members among the team's only: a role holds the whole city's staff.
        return identityService.createUserQuery().memberOfGroup(role).userIdIn(inTeam.toArray(String[]::new)).list().stream()
                .map(User::getId).sorted().toList();
    }

    /** Whether the user holds the role in the team: one read of the user's groups, whatever the team's size. */
    public boolean holds(String userId, String role, String team) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        return groups.contains(role) && groups.contains(team);
    }

    public List<String> teamManagers(String team) {
        return membersOf(Groups.TEAM_MANAGER, team);
    }

    public boolean isMember(String userId, String group) {
        return identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
    }

    /** A member of staff as people see them. */
    public record StaffMember(String id, String name) {
    }

    /**
     * The practitioners (social workers) of a team, by name, for the allocation pick-list and the
     * team's workers shown beside a task. Three user-store queries that every referral decision
     * asked again, so a team found is kept for a minute: a worker added to or taken off the team
     * in Admin shows there within that. Whether a worker may be allocated is asked of the user store
     * at the allocation itself ({@link #membersOf}).
     */
    public List<StaffMember> practitioners(String team) {
        return practitioners.get(team, this::practitionersNow).orElse(List.of());
    }

    private Optional<List<StaffMember>> practitionersNow(String team) {
        List<String> ids = membersOf(Groups.PRACTITIONER, team);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> names = names(ids);
        return Optional.of(ids.stream().map(id -> new StaffMember(id, names.getOrDefault(id, id)))
                .sorted(java.util.Comparator.comparing(StaffMember::name).thenComparing(StaffMember::id)).toList());
    }

    /** Users' full names (first and last), by id; ids without a user are left out. */
    public Map<String, String> names(Collection<String> userIds) {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> ids = userIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return names;
        }
        for (User user : identityService.createUserQuery().userIdIn(ids.toArray(String[]::new)).list()) {
            String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                    + (user.getLastName() == null ? "" : user.getLastName())).strip();
            names.put(user.getId(), name.isEmpty() ? user.getId() : name);
        }
        return names;
    }

    /**
     * A group's name (a team's: "Team North"), if the group exists. Every case file and chronology
     * names its team, and the query was a fifth of a case file's CPU, so a name found is kept for a
     * minute: a team renamed in Admin shows its new name within that. An unknown id is asked again
     * each time, so made-up ids cannot fill the map.
     */
    public Optional<String> groupName(String groupId) {
        return groupNames.get(groupId, this::groupNameNow);
    }

    private Optional<String> groupNameNow(String groupId) {
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        if (group == null) {
            return Optional.empty();
        }
        return Optional.of(group.getName() == null || group.getName().isBlank() ? group.getId() : group.getName());
    }
}
