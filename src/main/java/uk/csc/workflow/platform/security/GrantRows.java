package uk.csc.workflow.platform.security;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * Camunda's answer to an authorization check, worked out from the grant rows that could bear on it
 * instead of by the engine's SQL ({@code isUserAuthorizedForResource} in its Authorization.xml).
 * The rules are the engine's, in its order: for each atomic check the user's own rows decide first
 * (the resource's own id, then any id), then the groups' rows, then the global ones; a grant
 * answers 1 when it holds every bit asked for, a revoke (and, with revokes checked, a global row)
 * answers 0 when it lacks one; nothing found answers the check's "not found" value or nothing. Atomic
 * checks combine as the SQL combines them: disjunctive takes the first check with an answer (so a
 * revoke in an earlier check is final), conjunctive needs every one to answer 1.
 *
 * <p>Only checks on known resource ids with atomic parts are answered here
 * ({@link #answers(CompositePermissionCheck)}); the engine's SQL answers the rest.
 */
final class GrantRows {

    /** One row of ACT_RU_AUTHORIZATION, as far as a check reads it. */
    record Grant(int type, String userId, String groupId, int resourceType, String resourceId, int perms) {
    }

    private static final String ANY = Authorization.ANY;

    private final List<Grant> rows;
    private final String userId;
    private final Collection<String> groupIds;
    private final boolean revokesChecked;

    GrantRows(List<Grant> rows, String userId, Collection<String> groupIds, boolean revokesChecked) {
        this.rows = rows;
        this.userId = userId;
        this.groupIds = groupIds;
        this.revokesChecked = revokesChecked;
    }

    /** Whether a check is of the shape answered here: atomic checks on given resource ids. */
    static boolean answers(CompositePermissionCheck check) {
        if (check.getAtomicChecks() == null || check.getAtomicChecks().isEmpty()
                || (check.getCompositeChecks() != null && !check.getCompositeChecks().isEmpty())) {
            return false;
        }
        return check.getAtomicChecks().stream().allMatch(atomic -> atomic.getResourceIdQueryParam() == null);
    }

    boolean isAuthorized(CompositePermissionCheck check) {
        List<PermissionCheck> atomics = check.getAtomicChecks();
        if (atomics.size() == 1) {
            return Integer.valueOf(1).equals(answer(atomics.get(0)));
        }
        if (check.isDisjunctive()) {
            for (PermissionCheck atomic : atomics) {
                Integer answer = answer(atomic);
                if (answer != null) {
                    return answer == 1;
                }
            }
            return false;
        }
        return atomics.stream().allMatch(atomic -> Integer.valueOf(1).equals(answer(atomic)));
    }

    /** 1, 0 or nothing (null), as the SQL's CASE for one atomic check. */
    Integer answer(PermissionCheck check) {
        String id = check.getResourceId();
        boolean ownId = id != null && !ANY.equals(id);
        Integer answer = null;
        if (userId != null) {
            answer = firstOf(ownId ? level(check, id, this::isUsers) : null, level(check, ANY, this::isUsers));
        }
        if (answer == null && groupIds != null && !groupIds.isEmpty()) {
            answer = firstOf(ownId ? level(check, id, this::isGroups) : null, level(check, ANY, this::isGroups));
        }
        if (answer == null) {
            answer = firstOf(ownId ? global(check, id) : null, global(check, ANY));
        }
        if (answer == null && check.getAuthorizationNotFoundReturnValue() != null) {
            answer = check.getAuthorizationNotFoundReturnValue().intValue();
        }
        return answer;
    }

    private static Integer firstOf(Integer first, Integer second) {
        return first != null ? first : second;
    }

    /** A user's or the groups' rows on one resource id: a grant holding every bit, else a revoke lacking one. */
    private Integer level(PermissionCheck check, String resourceId, java.util.function.Predicate<Grant> whose) {
        int perms = check.getPerms();
        boolean granted = rows.stream().anyMatch(row -> row.type() == Authorization.AUTH_TYPE_GRANT && whose.test(row)
                && on(row, check, resourceId) && (row.perms() & perms) == perms);
        if (granted) {
            return 1;
        }
        boolean revoked = revokesChecked && rows.stream().anyMatch(row -> row.type() == Authorization.AUTH_TYPE_REVOKE
                && whose.test(row) && on(row, check, resourceId) && (row.perms() & perms) != perms);
        return revoked ? 0 : null;
    }

    /** Global rows (every user) on one resource id: holding every bit grants; with revokes checked, lacking one refuses. */
    private Integer global(PermissionCheck check, String resourceId) {
        int perms = check.getPerms();
        for (Grant row : rows) {
            if (row.type() == Authorization.AUTH_TYPE_GLOBAL && ANY.equals(row.userId()) && on(row, check, resourceId)
                    && (row.perms() & perms) == perms) {
                return 1;
            }
        }
        if (revokesChecked) {
            for (Grant row : rows) {
                if (row.type() == Authorization.AUTH_TYPE_GLOBAL && ANY.equals(row.userId()) && on(row, check, resourceId)
                        && (row.perms() & perms) != perms) {
                    return 0;
                }
            }
        }
        return null;
    }

    private boolean isUsers(Grant row) {
        return userId.equals(row.userId());
    }

    private boolean isGroups(Grant row) {
        return row.groupId() != null && groupIds.contains(row.groupId());
    }

    private static boolean on(Grant row, PermissionCheck check, String resourceId) {
        return row.resourceType() == check.getResourceType() && resourceId.equals(row.resourceId());
    }
}
