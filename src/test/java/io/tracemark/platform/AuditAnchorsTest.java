package io.tracemark.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.platform.wire.ChainAnchor;
import io.tracemark.store.AuditAnchor;
import io.tracemark.store.AuditChain;
import io.tracemark.store.AuditLog;
import io.tracemark.store.ChainCheck;
import io.tracemark.store.Database;
import io.tracemark.store.Outbox;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit chain's heads go to the platform through the outbox; the platform's copies expose a cut or rewritten trail. */
class AuditAnchorsTest {

    @TempDir
    Path dir;

    @Test
    void anchorsReachThePlatformAndExposeATruncatedTrail() {
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("p"), true);
             ContractProxy proxy = new ContractProxy(OpenApiContract.platform(), platform.baseUrl(), HttpPlatformClient.API_PATH);
             Database db = Database.open(dir.resolve("s"))) {
            AuditLog log = new AuditLog(db);
            Outbox outbox = new Outbox(db);
            List<String> codes = platform.activateCodes(SampleData.KETTLE, 5);
            OutboxSenderTest.appendVerdicts(db, outbox, "J1", codes, 1);
            for (int i = 0; i < 40; i++) {
                db.inTransaction(conn -> log.record(conn, "op", "test.action", "detail"));
            }
            HttpPlatformClient client = new HttpPlatformClient(proxy.uri(), platform.stationToken(), Duration.ofSeconds(10));
            OutboxSender sender = new OutboxSender(db, outbox, client, job -> SampleData.KETTLE,
                    OutboxSenderTest.fast(100), Clock.systemUTC(), "line-1");
            while (sender.lag().backlog() > 0) {
                assertNull(sender.drainOnce().error());
            }
            assertEquals(5, platform.eventCount());
            List<ChainAnchor> held = client.auditAnchors("line-1");
            assertEquals(List.of(1L, 17L, 33L), held.stream().map(ChainAnchor::entryId).toList());
            assertEquals(db.auditKey().id(), held.get(0).keyId());
            assertTrue(held.get(2).idempotencyKey().startsWith("line-1/audit-anchor/"));
            assertEquals(List.of(), client.auditAnchors("line-2"));

            execute(db, "DELETE FROM audit_log WHERE id > 25");
            execute(db, "DELETE FROM audit_anchors");
            assertTrue(log.verify().intact(), "the station alone cannot tell");
            List<AuditAnchor> copies = held.stream()
                    .map(a -> new AuditAnchor(a.entryId(), a.hash(), a.at(), a.keyId())).toList();
            ChainCheck check = new AuditChain(db).verify(Instant.EPOCH, copies);
            assertEquals(26, check.firstBrokenId().getAsLong());
            assertTrue(check.reason().contains("entry 33 was anchored"), check.reason());

            // the platform keeps the first hash of an anchored entry
            ChainAnchor forged = new ChainAnchor(held.get(1).idempotencyKey(), "line-1", 17, "0".repeat(64),
                    held.get(1).keyId(), Instant.now());
            PlatformException refused = assertThrows(PlatformException.class, () -> client.postAuditAnchors(List.of(forged)));
            assertEquals(PlatformException.Kind.REFUSED, refused.kind());
            assertEquals(0, client.postAuditAnchors(List.of(held.get(1))).accepted());
            assertEquals(1, client.postAuditAnchors(List.of(held.get(1))).duplicates());
            proxy.assertConforms();
        }
    }

    @Test
    void aRefusedAnchorDoesNotHoldUpTheUnitEvents() {
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("p"), true);
             Database db = Database.open(dir.resolve("s"))) {
            AuditLog log = new AuditLog(db);
            Outbox outbox = new Outbox(db);
            HttpPlatformClient client = new HttpPlatformClient(platform.baseUrl(),
                    platform.stationToken(), Duration.ofSeconds(10));
            db.inTransaction(conn -> log.record(conn, "op", "a", "d"));
            OutboxSender sender = new OutboxSender(db, outbox, client, job -> SampleData.KETTLE,
                    OutboxSenderTest.fast(100), Clock.systemUTC(), "line-1");
            assertNull(sender.drainOnce().error());
            // the database is replaced by a rebuilt one under the same key: entry 1 anchored again with another hash
            execute(db, "DELETE FROM audit_log");
            execute(db, "DELETE FROM audit_anchors");
            execute(db, "DELETE FROM outbox");
            db.inTransaction(conn -> log.record(conn, "intruder", "a", "other"));
            List<String> codes = platform.activateCodes(SampleData.KETTLE, 3);
            OutboxSenderTest.appendVerdicts(db, outbox, "J2", codes, 1);
            OutboxSender.Round round = sender.drainOnce();
            assertNull(round.error());
            assertEquals(1, round.refused().size());
            assertEquals(0, sender.lag().backlog());
            assertEquals(3, platform.eventCount());
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
