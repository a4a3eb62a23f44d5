package uk.csc.workflow.casefile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 69: the pair keys ({@link ChildNames#storedKeys}) of the children recorded
 * before them, computed in Java as every new child's are, so a search by two names finds the
 * children recorded before as it finds new ones. Only children without pair keys, so running it
 * again adds nothing twice.
 */
@Component
class ChildNamePairKeysMigration extends BaseJavaMigration {

    /** Rows sent per batch: a city's children hold millions of pair keys. */
    private static final int BATCH = 5_000;

    @Override
    protected void init() {
        // Version and description are given below, not taken from the class name.
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("69");
    }

    @Override
    public String getDescription() {
        return "child name pair keys";
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement children = connection.createStatement()) {
            children.setFetchSize(BATCH);
            try (ResultSet rows = children.executeQuery("""
                    SELECT id, first_name, last_name FROM child ch
                    WHERE NOT EXISTS (SELECT 1 FROM child_name_key k WHERE k.child_id = ch.id AND k.name_key LIKE '2:%')""");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO child_name_key (child_id, name_key) VALUES (?, ?)")) {
                int pending = 0;
                while (rows.next()) {
                    Set<String> single = ChildNames.keys(rows.getString(2), rows.getString(3));
                    for (String key : ChildNames.storedKeys(rows.getString(2), rows.getString(3))) {
                        if (!single.contains(key)) {
                            insert.setLong(1, rows.getLong(1));
                            insert.setString(2, key);
                            insert.addBatch();
                            pending++;
                        }
                    }
                    if (pending >= BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                insert.executeBatch();
            }
            // The planner's figures for the table were for a third of its rows and none of these keys.
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                children.execute("ANALYZE child_name_key");
            }
        }
    }
}
