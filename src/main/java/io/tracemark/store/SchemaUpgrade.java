package io.tracemark.store;

import io.tracemark.core.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Brings a database to the newest known schema, one migration per transaction. */
final class SchemaUpgrade {

    private final Database db;
    private final List<Migration> migrations;

    SchemaUpgrade(Database db, List<Migration> migrations) {
        this.db = db;
        this.migrations = List.copyOf(migrations);
        for (int i = 0; i < this.migrations.size(); i++) {
            if (this.migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3, ... without gaps; "
                        + this.migrations.get(i).name() + " has version " + this.migrations.get(i).version()
                        + " at position " + (i + 1));
            }
        }
    }

    /** Applies what is missing and returns the resulting version. */
    int apply() throws SQLException {
        int known = migrations.size();
        int current = db.inTransaction(conn -> {
            Database.execute(conn, "CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            return currentVersion(conn);
        });
        if (current > known) {
            throw new StorageException(db.file() + " has schema version " + current
                    + ", newer than this program, which knows versions up to " + known
                    + "; run a newer tracemark (the file was left unchanged)");
        }
        for (Migration migration : migrations.subList(current, known)) {
            db.inTransaction(conn -> {
                if (currentVersion(conn) >= migration.version()) {
                    return null; // another process applied it meanwhile
                }
                try (Statement st = conn.createStatement()) {
                    for (String sql : migration.statements()) {
                        st.execute(sql);
                    }
                } catch (SQLException e) {
                    throw new SQLException("migration " + migration.name() + " failed: " + e.getMessage(), e);
                }
                try (PreparedStatement ps = conn.prepareStatement(
                        "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, migration.version());
                    ps.setString(2, migration.name());
                    ps.setLong(3, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                return null;
            });
        }
        return Math.max(current, known);
    }

    private static int currentVersion(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
