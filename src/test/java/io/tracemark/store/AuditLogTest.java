package io.tracemark.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @TempDir
    Path dir;

    @Test
    void anIntactChainVerifiesAndATamperedRowIsNamed() {
        try (Database db = Database.open(dir)) {
            AuditLog log = new AuditLog(db, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
            for (int i = 1; i <= 5; i++) {
                int n = i;
                db.inTransaction(conn -> log.record(conn, "op" + n, "test.action", "detail " + n));
            }
            ChainCheck ok = log.verify();
            assertTrue(ok.intact());
            assertEquals(5, ok.rowsChecked());

            execute(db, "UPDATE audit_log SET detail = 'detail X' WHERE id = 3");
            ChainCheck edited = log.verify();
            assertFalse(edited.intact());
            assertEquals(3, edited.firstBrokenId().getAsLong());
            assertEquals(2, edited.rowsChecked());
        }
    }

    @Test
    void aDeletedRowBreaksTheChainAtTheNextOne() {
        try (Database db = Database.open(dir)) {
            AuditLog log = new AuditLog(db);
            for (int i = 1; i <= 4; i++) {
                db.inTransaction(conn -> log.record(conn, "op", "a", "d"));
            }
            execute(db, "DELETE FROM audit_log WHERE id = 2");
            assertEquals(3, log.verify().firstBrokenId().getAsLong());
        }
    }

    @Test
    void anEntryIsKeptOnlyWithItsTransaction() {
        try (Database db = Database.open(dir)) {
            AuditLog log = new AuditLog(db);
            try {
                db.inTransaction(conn -> {
                    log.record(conn, "op", "a", "d");
                    throw new IllegalStateException("the change failed");
                });
            } catch (IllegalStateException expected) {
                // the entry must be gone with the change
            }
            assertEquals(0, db.count("SELECT count(*) FROM audit_log"));
            assertTrue(log.verify().intact());
        }
    }

    private static void execute(Database db, String sql) {
        db.inTransaction(conn -> {
            try (Statement st = conn.createStatement()) {
                return st.executeUpdate(sql);
            }
        });
    }
}
