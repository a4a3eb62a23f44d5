package uk.csc.workflow.identity;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking, and which teams' cases they may see. Services take this rather than reading
 * the security context themselves, so the rules are testable.
 */
public record CurrentUser(String id, Set<String> groups) {

    public static final CurrentUser SYSTEM = new CurrentUser("system", Set.of(Groups.ADMIN));

    public CurrentUser {
        groups = Set.copyOf(groups);
    }

    /** The authenticated caller of this request. */
    public static CurrentUser fromSecurityContext() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new IllegalStateException("No authenticated user");
        }
        return new CurrentUser(auth.getName(), auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet()));
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    public Set<String> teams() {
        return groups.stream().filter(Groups::isTeam).collect(Collectors.toSet());
    }

    /** Service managers, the panel, IROs and administrators work across the city. */
    public boolean seesAllTeams() {
        return isIn(Groups.ADMIN) || isIn(Groups.SERVICE_MANAGER) || isIn(Groups.PANEL_CHAIR) || isIn(Groups.IRO);
    }

    public boolean maySeeTeam(String team) {
        return seesAllTeams() || groups.contains(team);
    }
}
