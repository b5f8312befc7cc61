package io.tracemark.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    @Test
    void anIntactChainVerifiesAndATamperedRowIsNamed() {
        try (Database db = Database.open(data())) {
            AuditLog log = new AuditLog(db, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
            record(db, log, 5);
            ChainCheck ok = log.verify();
            assertTrue(ok.intact(), ok.reason());
            assertEquals(5, ok.rowsChecked());
            assertEquals(5, ok.headId());

            execute(db, "UPDATE audit_log SET detail = 'detail X' WHERE id = 3");
            ChainCheck edited = log.verify();
            assertFalse(edited.intact());
            assertEquals(3, edited.firstBrokenId().getAsLong());
            assertEquals(2, edited.rowsChecked());
            assertTrue(edited.reason().contains("under the station key"), edited.reason());
        }
    }

    @Test
    void theKeyIsAFileBesideTheDataDirectoryReadableByItsOwnerOnly() throws Exception {
        try (Database db = Database.open(data())) {
            record(db, new AuditLog(db), 1);
            Path key = tmp.resolve("data.audit-key");
            assertEquals(key, db.auditKey().file());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            String stored = db.read(conn -> one(conn, "SELECT key_id FROM audit_log WHERE id = 1"));
            assertEquals(db.auditKey().id(), stored);
            assertFalse(Files.readString(db.file().getParent().resolve(Database.FILE_NAME), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains(java.util.HexFormat.of().formatHex(db.auditKey().secret())), "the key is not in the database");
        }
    }

    @Test
    void fieldsAreLengthPrefixedSoShiftingASeparatorChangesTheHash() {
        AuditMac mac = new AuditMac(new AuditKey(tmp.resolve("k"), new byte[32], 0));
        assertFalse(mac.hash(1, 2, "a|b", "c", "d", AuditLog.GENESIS).equals(mac.hash(1, 2, "a", "b|c", "d", AuditLog.GENESIS)));
        assertEquals(AuditMac.legacyHash("p", 1, 2, "a|b", "c", "d"), AuditMac.legacyHash("p", 1, 2, "a", "b|c", "d"),
                "the unkeyed scheme it replaces was ambiguous");
    }

    @Test
    void aDeletedRowBreaksTheChainAtTheNextOne() {
        try (Database db = Database.open(data())) {
            AuditLog log = new AuditLog(db);
            record(db, log, 4);
            execute(db, "DELETE FROM audit_log WHERE id = 2");
            ChainCheck check = log.verify();
            assertEquals(3, check.firstBrokenId().getAsLong());
            assertEquals("entry 2 is missing", check.reason());
        }
    }

    @Test
    void aChainRebuiltWithAnotherKeyIsDetected() {
        try (Database db = Database.open(data())) {
            AuditLog log = new AuditLog(db);
            record(db, log, 6);
            AuditKey forged = AuditKey.create(tmp.resolve("forged.audit-key"), 0);
            rebuild(db, new AuditMac(forged), db.auditKey().id(), 1); // even claiming the station's key id
            ChainCheck check = log.verify();
            assertEquals(1, check.firstBrokenId().getAsLong());
            assertTrue(check.reason().contains("under the station key"), check.reason());

            rebuild(db, new AuditMac(forged), forged.id(), 1);
            assertTrue(log.verify().reason().contains("signed with key " + forged.id()), log.verify().reason());
        }
    }

    @Test
    void aTruncatedTailIsDetectedByTheAnchors() {
        try (Database db = Database.open(data())) {
            AuditLog log = new AuditLog(db);
            record(db, log, 40); // anchors at 1, 17 and 33
            List<AuditAnchor> platformCopy = new AuditChain(db).localAnchors();
            assertEquals(List.of(1L, 17L, 33L), platformCopy.stream().map(AuditAnchor::entryId).toList());
            assertEquals(3, db.count("SELECT count(*) FROM outbox WHERE topic = ?", AuditLog.ANCHOR_TOPIC));

            execute(db, "DELETE FROM audit_log WHERE id >= 20");
            ChainCheck local = log.verify();
            assertEquals(20, local.firstBrokenId().getAsLong());
            assertTrue(local.reason().contains("entry 33 was anchored"), local.reason());

            execute(db, "DELETE FROM audit_anchors"); // the intruder cleans the station's own anchors too
            assertTrue(log.verify().intact(), "alone, a shorter chain looks whole");
            ChainCheck withPlatform = new AuditChain(db).verify(Instant.EPOCH, platformCopy);
            assertEquals(20, withPlatform.firstBrokenId().getAsLong());
            assertTrue(withPlatform.reason().contains("tail was cut off"));
        }
    }

    @Test
    void aChainRebuiltWithTheStolenKeyIsDetectedByThePlatformsAnchors() {
        try (Database db = Database.open(data())) {
            AuditLog log = new AuditLog(db);
            record(db, log, 20);
            List<AuditAnchor> platformCopy = new AuditChain(db).localAnchors();
            execute(db, "UPDATE audit_log SET detail = 'nothing happened' WHERE id = 10");
            rebuild(db, new AuditMac(db.auditKey()), db.auditKey().id(), 10);
            execute(db, "DELETE FROM audit_anchors");
            assertTrue(log.verify().intact());
            ChainCheck check = new AuditChain(db).verify(Instant.EPOCH, platformCopy);
            assertEquals(17, check.firstBrokenId().getAsLong());
            assertTrue(check.reason().contains("differs from its anchor"), check.reason());
        }
    }

    @Test
    void verifyFromATimeChecksTheLaterEntriesAndTheirLink() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        try (Database db = Database.open(data())) {
            AuditLog log = new AuditLog(db, clock);
            for (int i = 0; i < 10; i++) {
                clock.now = clock.now.plusSeconds(60);
                db.inTransaction(conn -> log.record(conn, "op", "a", "d"));
            }
            AuditChain chain = new AuditChain(db);
            ChainCheck recent = chain.verify(Instant.parse("2026-03-01T00:06:00Z"), List.of());
            assertTrue(recent.intact());
            assertEquals(5, recent.rowsChecked());
            execute(db, "UPDATE audit_log SET actor = 'someone' WHERE id = 2");
            assertTrue(chain.verify(Instant.parse("2026-03-01T00:06:00Z"), List.of()).intact(), "entry 2 is before");
            assertEquals(2, chain.verify(Instant.EPOCH, List.of()).firstBrokenId().getAsLong());
            assertTrue(chain.verify(Instant.parse("2027-01-01T00:00:00Z"), List.of()).intact());
        }
    }

    @Test
    void aLostKeyIsNamedAndNeverSilentlyReplaced() throws Exception {
        try (Database db = Database.open(data())) {
            record(db, new AuditLog(db), 2);
        }
        Files.delete(tmp.resolve("data.audit-key"));
        try (Database db = Database.open(data())) {
            AuditLog log = new AuditLog(db);
            StorageException e = assertThrows(StorageException.class,
                    () -> db.inTransaction(conn -> log.record(conn, "op", "a", "d")));
            assertTrue(e.getMessage().contains("data.audit-key is missing"), e.getMessage());
            assertEquals(2, db.count("SELECT count(*) FROM audit_log"));
        }
        assertFalse(Files.exists(tmp.resolve("data.audit-key")));
    }

    @Test
    void unkeyedEntriesOfAnOlderDatabaseAreKeptAndSealedByTheKeyedChain() {
        List<Migration> all = Migrations.shipped();
        int keyed = 0;
        while (!String.join("\n", all.get(keyed).statements()).contains("ADD COLUMN scheme")) {
            keyed++;
        }
        try (Database old = Database.open(data(), all.subList(0, keyed))) {
            String prev = AuditLog.GENESIS;
            for (long id = 1; id <= 3; id++) {
                String hash = AuditMac.legacyHash(prev, id, 1000 * id, "op", "old.action", "detail " + id);
                String p = prev;
                long i = id;
                old.inTransaction(conn -> {
                    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO audit_log VALUES (?, ?, 'op', 'old.action', ?, ?, ?)")) {
                        ps.setLong(1, i);
                        ps.setLong(2, 1000 * i);
                        ps.setString(3, "detail " + i);
                        ps.setString(4, p);
                        ps.setString(5, hash);
                        return ps.executeUpdate();
                    }
                });
                prev = hash;
            }
        }
        try (Database db = Database.open(data())) {
            AuditLog log = new AuditLog(db);
            record(db, log, 2);
            assertEquals(3, db.auditKey().lastLegacyId());
            ChainCheck check = log.verify();
            assertTrue(check.intact(), check.reason());
            assertEquals(5, check.rowsChecked());
            assertEquals(3, check.unkeyedEntries());

            // someone edits an old entry and recomputes the unkeyed hashes: the first keyed entry no longer links
            execute(db, "UPDATE audit_log SET detail = 'edited' WHERE id = 2");
            String prev = db.read(conn -> one(conn, "SELECT hash FROM audit_log WHERE id = 1"));
            for (long id = 2; id <= 3; id++) {
                long i = id;
                String hash = db.read(conn -> {
                    try (PreparedStatement ps = conn.prepareStatement("SELECT at, detail FROM audit_log WHERE id = ?")) {
                        ps.setLong(1, i);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1) + "\u0000" + rs.getString(2);
                        }
                    }
                });
                String[] parts = hash.split("\u0000");
                String h = AuditMac.legacyHash(prev, id, Long.parseLong(parts[0]), "op", "old.action", parts[1]);
                execute(db, "UPDATE audit_log SET prev_hash = '" + prev + "', hash = '" + h + "' WHERE id = " + id);
                prev = h;
            }
            ChainCheck edited = log.verify();
            assertEquals(4, edited.firstBrokenId().getAsLong());

            // or rewrites keyed entries as unkeyed ones
            execute(db, "UPDATE audit_log SET scheme = 'sha256-pipe' WHERE id = 5");
            assertTrue(new AuditChain(db).verify(Instant.ofEpochMilli(1), List.of()).reason().length() > 0);
        }
    }

    @Test
    void anEntryIsKeptOnlyWithItsTransaction() {
        try (Database db = Database.open(data())) {
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

    static void record(Database db, AuditLog log, int n) {
        for (int i = 1; i <= n; i++) {
            int k = i;
            db.inTransaction(conn -> log.record(conn, "op" + k, "test.action", "detail " + k));
        }
    }

    /** Recomputes every entry from {@code fromId} on with {@code mac}, as an intruder would. */
    private static void rebuild(Database db, AuditMac mac, String keyId, long fromId) {
        db.inTransaction(conn -> {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, at, actor, action, detail FROM audit_log WHERE id >= ? ORDER BY id")) {
                ps.setLong(1, fromId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                    }
                }
            }
            String prev = AuditLog.GENESIS;
            if (fromId > 1) {
                try (PreparedStatement ps = conn.prepareStatement("SELECT hash FROM audit_log WHERE id = ?")) {
                    ps.setLong(1, fromId - 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        prev = rs.getString(1);
                    }
                }
            }
            for (Object[] r : rows) {
                String hash = mac.hash((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4], prev);
                try (PreparedStatement ps = conn.prepareStatement("UPDATE audit_log SET prev_hash = ?, hash = ?, key_id = ? WHERE id = ?")) {
                    ps.setString(1, prev);
                    ps.setString(2, hash);
                    ps.setString(3, keyId);
                    ps.setLong(4, (Long) r[0]);
                    ps.executeUpdate();
                }
                prev = hash;
            }
            return null;
        });
    }

    private static String one(java.sql.Connection conn, String sql) throws java.sql.SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Database db, String sql) {
        db.inTransaction(conn -> {
            try (Statement st = conn.createStatement()) {
                return st.executeUpdate(sql);
            }
        });
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
