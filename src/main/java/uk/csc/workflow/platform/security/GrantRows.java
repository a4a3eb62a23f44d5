package uk.csc.workflow.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

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
        Integer answer = null;
        if (userId != null) {
            answer = level(check, Authorization.AUTH_TYPE_GRANT, Authorization.AUTH_TYPE_REVOKE, this::isUsers);
        }
        if (answer == null && groupIds != null && !groupIds.isEmpty()) {
            answer = level(check, Authorization.AUTH_TYPE_GRANT, Authorization.AUTH_TYPE_REVOKE, this::isGroups);
        }
        if (answer == null) {
            // Global rows answer both ways: holding every bit grants, lacking one refuses.
            answer = level(check, Authorization.AUTH_TYPE_GLOBAL, Authorization.AUTH_TYPE_GLOBAL, row -> ANY.equals(row.userId()));
        }
        if (answer == null && check.getAuthorizationNotFoundReturnValue() != null) {
            answer = check.getAuthorizationNotFoundReturnValue().intValue();
        }
        return answer;
    }

    /** One holder level: the resource's own id first, then any id. */
    private Integer level(PermissionCheck check, int grantType, int refuseType, Predicate<Grant> whose) {
        String id = check.getResourceId();
        Integer answer = id != null && !ANY.equals(id) ? on(check, id, grantType, refuseType, whose) : null;
        return answer != null ? answer : on(check, ANY, grantType, refuseType, whose);
    }

    /** Rows on one resource id: a grant holding every bit answers 1, else (revokes checked) a refusal lacking one answers 0. */
    private Integer on(PermissionCheck check, String resourceId, int grantType, int refuseType, Predicate<Grant> whose) {
        int perms = check.getPerms();
        if (rows.stream().anyMatch(row -> row.type() == grantType && whose.test(row) && isOn(row, check, resourceId)
                && (row.perms() & perms) == perms)) {
            return 1;
        }
        boolean refused = revokesChecked && rows.stream().anyMatch(row -> row.type() == refuseType && whose.test(row)
                && isOn(row, check, resourceId) && (row.perms() & perms) != perms);
        return refused ? 0 : null;
    }

    private boolean isUsers(Grant row) {
        return userId.equals(row.userId());
    }

    private boolean isGroups(Grant row) {
        return row.groupId() != null && groupIds.contains(row.groupId());
    }

    private static boolean isOn(Grant row, PermissionCheck check, String resourceId) {
        return row.resourceType() == check.getResourceType() && resourceId.equals(row.resourceId());
    }
}
