package uk.csc.workflow.platform.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.postgresql.PGStatement;

/**
 * The engine's authorization manager with two changes, both giving the engine's own answers:
 * <ul>
 * <li>The user's groups are taken as given ({@link AuthenticatedGroupsPlugin} says why).</li>
 * <li>A check on named resources (working on a task, reading an instance: every command on one
 * thing) reads the few grant rows that could bear on it with one fixed statement and applies the
 * engine's rules to them ({@link GrantRows}). The engine builds its answer as one large SQL
 * statement per check, and building it (MyBatis evaluating the mapping's conditions) was a fifth of
 * a task completion's CPU. Checks the engine embeds in queries, and checks of other shapes, are
 * the engine's as before.</li>
 * </ul>
 */
class ProductAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        // A mutable list, as the engine's own answer is (MyBatis reflects on it).
        return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
        if (!isAuthorizationEnabled()) {
            return true;
        }
        return isAuthorized(userId, groupIds, createCompositePermissionCheck(check));
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
        if (!GrantRows.answers(check)) {
            return super.isAuthorized(userId, groupIds, check);
        }
        for (PermissionCheck atomic : check.getAllPermissionChecks()) {
            if (!isResourceValidForPermission(atomic)) {
                throw LOG.invalidResourceForPermission(atomic.getResource().resourceName(), atomic.getPermission().getName());
            }
        }
        List<String> groups = filterAuthenticatedGroupIds(groupIds);
        boolean revokesChecked = isRevokeAuthCheckEnabled(userId, groupIds);
        return new GrantRows(rowsFor(userId, groups, check.getAtomicChecks()), userId, groups, revokesChecked).isAuthorized(check);
    }

    /** The rows on the checks' resources (their own ids and any id) of the user, the groups and everyone. */
    private List<GrantRows.Grant> rowsFor(String userId, List<String> groups, List<PermissionCheck> checks) {
        Set<Integer> types = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        ids.add(Authorization.ANY);
        for (PermissionCheck check : checks) {
            types.add(check.getResourceType());
            if (check.getResourceId() != null) {
                ids.add(check.getResourceId());
            }
        }
        String prefix = Context.getProcessEngineConfiguration().getDatabaseTablePrefix();
        String sql = "SELECT TYPE_, USER_ID_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ FROM " + prefix
                + "ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ IN (" + marks(types.size()) + ") AND RESOURCE_ID_ IN ("
                + marks(ids.size()) + ") AND (USER_ID_ IN (?, ?)"
                + (groups.isEmpty() ? "" : " OR GROUP_ID_ IN (" + marks(groups.size()) + ")") + ")";
        // The command's own connection and transaction, so the rows are those the engine's SQL would read.
        Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            planEachCall(statement);
            int at = 1;
            for (Integer type : types) {
                statement.setInt(at++, type);
            }
            for (String id : ids) {
                statement.setString(at++, id);
            }
            statement.setString(at++, userId);
            statement.setString(at++, Authorization.ANY);
            for (String group : groups) {
                statement.setString(at++, group);
            }
            List<GrantRows.Grant> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new GrantRows.Grant(result.getInt(1), result.getString(2), result.getString(3), result.getInt(4),
                            result.getString(5), result.getInt(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not read the grants for an authorization check", e);
        }
    }

    /**
     * On PostgreSQL, plans this read for its own values each time. After five uses the driver would switch to a
     * server-prepared statement, whose generic plan (blind to which ids and groups are asked) took about 1 ms and
     * grew with the grant table, against 0.04 ms to run and 0.1 ms to plan with the values known: measured at
     * twenty reads per task completion, this was the costliest statement of the referral route.
     */
    private static void planEachCall(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
