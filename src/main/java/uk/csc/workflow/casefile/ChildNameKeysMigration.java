package uk.csc.workflow.casefile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 21: the name keys ({@link ChildNames#keys}) of the children recorded before
 * V20 created the table, computed in Java as every new child's are. A Spring bean, so Flyway runs
 * it after V20 (Boot hands Java migration beans to Flyway).
 */
@Component
class ChildNameKeysMigration extends BaseJavaMigration {

    @Override
    protected void init() {
        // Version and description are given below, not taken from the class name.
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("21");
    }

    @Override
    public String getDescription() {
        return "child name keys";
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement children = connection.createStatement();
             ResultSet rows = children.executeQuery("""
                     SELECT id, first_name, last_name FROM child ch
                     WHERE NOT EXISTS (SELECT 1 FROM child_name_key k WHERE k.child_id = ch.id)""");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO child_name_key (child_id, name_key) VALUES (?, ?)")) {
            while (rows.next()) {
                for (String key : ChildNames.keys(rows.getString(2), rows.getString(3))) {
                    insert.setLong(1, rows.getLong(1));
                    insert.setString(2, key);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
