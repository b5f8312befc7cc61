package io.tracemark.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void freshDatabaseGetsEveryShippedMigrationAndTheDurablePragmas() throws SQLException {
        Path data = dir.resolve("nested/data");
        try (Database db = Database.open(data)) {
            assertTrue(Files.exists(data.resolve(Database.FILE_NAME)));
            assertEquals(Migrations.shipped().size(), db.schemaVersion());
            assertEquals(db.schemaVersion(), db.count("SELECT max(version) FROM schema_version"));
            for (String table : List.of("code_packages", "codes", "jobs", "units", "transitions", "audit_log", "outbox")) {
                assertEquals(1, db.count("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", table), table);
            }
            db.inTransaction(conn -> {
                assertEquals("wal", pragma(conn, "journal_mode"));
                assertEquals("1", pragma(conn, "foreign_keys"));
                assertEquals("2", pragma(conn, "synchronous")); // FULL
                return null;
            });
        }
    }

    @Test
    void reopeningAppliesNothingTwiceAndKeepsData() {
        try (Database db = Database.open(dir)) {
            insertJob(db, "J1");
        }
        try (Database db = Database.open(dir)) {
            assertEquals(Migrations.shipped().size(), db.count("SELECT count(*) FROM schema_version"));
            assertEquals(1, db.count("SELECT count(*) FROM jobs WHERE id = 'J1'"));
        }
    }

    @Test
    void laterMigrationsAreAppliedToAnOlderDatabase() {
        List<Migration> shipped = Migrations.shipped();
        try (Database db = Database.open(dir, shipped)) {
            insertJob(db, "J1");
        }
        List<Migration> newer = new ArrayList<>(shipped);
        newer.add(new Migration(shipped.size() + 1, "test-extra",
                List.of("ALTER TABLE jobs ADD COLUMN product TEXT;", "UPDATE jobs SET product = 'x';")));
        try (Database db = Database.open(dir, newer)) {
            assertEquals(shipped.size() + 1, db.schemaVersion());
            assertEquals(1, db.count("SELECT count(*) FROM jobs WHERE product = 'x'"));
        }
    }

    @Test
    void aDatabaseNewerThanTheProgramIsRefusedNamingBothVersions() {
        int known = Migrations.shipped().size();
        try (Database db = Database.open(dir)) {
            db.inTransaction(conn -> {
                try (Statement st = conn.createStatement()) {
                    st.executeUpdate("INSERT INTO schema_version VALUES (" + (known + 5) + ", 'future', 0)");
                }
                return null;
            });
        }
        StorageException e = assertThrows(StorageException.class, () -> Database.open(dir));
        assertTrue(e.getMessage().contains("schema version " + (known + 5)), e.getMessage());
        assertTrue(e.getMessage().contains("up to " + known), e.getMessage());
    }

    @Test
    void aFailedTransactionLeavesNothingAndNestedWorkJoinsTheOuterOne() {
        try (Database db = Database.open(dir)) {
            assertThrows(IllegalStateException.class, () -> db.inTransaction(conn -> {
                insertJob(conn, "A");
                db.inTransaction(inner -> insertJob(inner, "B"));
                throw new IllegalStateException("boom");
            }));
            assertEquals(0, db.count("SELECT count(*) FROM jobs"));
            StorageException e = assertThrows(StorageException.class, () -> db.inTransaction(conn -> {
                insertJob(conn, "C");
                return insertJob(conn, "C");
            }));
            assertTrue(e.getMessage().contains("UNIQUE"), e.getMessage());
            assertEquals(0, db.count("SELECT count(*) FROM jobs"));
        }
    }

    @Test
    void migrationScriptsSplitIntoStatementsKeepingTriggerBodies() {
        List<String> statements = Migrations.split("""
                -- comment
                CREATE TABLE a (x INTEGER);
                CREATE TRIGGER t AFTER INSERT ON a BEGIN
                  UPDATE a SET x = 1;
                  UPDATE a SET x = 2;
                END;

                INSERT INTO a VALUES (1);
                """);
        assertEquals(3, statements.size(), statements.toString());
        assertTrue(statements.get(1).contains("x = 2"));
    }

    static void insertJob(Database db, String id) {
        db.inTransaction(conn -> insertJob(conn, id));
    }

    static Void insertJob(Connection conn, String id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO jobs (id, trace_level, quantity, state, created_at) VALUES (?, 'ITEM', 1, 'OPEN', 0)")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        return null;
    }

    private static String pragma(Connection conn, String name) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
