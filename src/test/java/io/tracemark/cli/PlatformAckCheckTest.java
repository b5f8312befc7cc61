package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.app.PlatformAckCheck;
import io.tracemark.app.StationPanel;
import io.tracemark.core.StorageException;
import io.tracemark.platform.Backoff;
import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.OutboxSender;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import io.tracemark.store.Outbox;
import io.tracemark.store.Witness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station database copied back from an older state with its witness gone passes the witness check, but
 * not the comparison with what the reference platform acknowledged (the audit anchors the outbox sent):
 * the station refuses to start until a person accepts (accept-loss --platform-acks).
 */
class PlatformAckCheckTest {

    @TempDir
    Path dir;

    @Test
    void aLedgerBehindThePlatformsAcknowledgementsIsRefused() throws Exception {
        Path data = dir.resolve("data");
        Path old = dir.resolve("old.db");
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("p"), true)) {
            HttpPlatformClient client = new HttpPlatformClient(platform.baseUrl(),
                    platform.stationToken(), Duration.ofSeconds(10));
            try (Database db = Database.open(data)) {
                StationPanel.ensureDemoUsers(StationPanel.accounts(db));
                AuditLog log = new AuditLog(db);
                for (int i = 0; i < 10; i++) {
                    db.inTransaction(conn -> log.record(conn, "op", "test.action", "before the copy"));
                }
                db.copyInto(old); // the state someone copies back later
                for (int i = 0; i < 30; i++) {
                    db.inTransaction(conn -> log.record(conn, "op", "test.action", "after the copy"));
                }
                OutboxSender sender = new OutboxSender(db, new Outbox(db), client, job -> null,
                        new OutboxSender.Settings(100, Duration.ofMillis(20),
                                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 0.2, 42)),
                        Clock.systemUTC(), "line-1");
                while (sender.lag().backlog() > 0) {
                    assertNull(sender.drainOnce().error());
                }
                PlatformAckCheck.require(db, client, "line-1"); // the live ledger holds what the platform has
            }
            long ledgerEnd = 0;
            Files.copy(old, data.resolve(Database.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(data.resolve(Database.FILE_NAME + "-wal"));
            Files.deleteIfExists(data.resolve(Database.FILE_NAME + "-shm"));
            Files.delete(Witness.file(data));
            try (Database db = Database.open(data)) {
                assertTrue(db.refusal().isEmpty(), "without its witness the copy looks trusted");
                ledgerEnd = db.count("SELECT max(id) FROM audit_log");
                StorageException refused = assertThrows(StorageException.class,
                        () -> PlatformAckCheck.require(db, client, "line-1"));
                assertTrue(refused.getMessage().contains("behind what the platform has acknowledged")
                        && refused.getMessage().contains("entry 32") && refused.getMessage().contains("ends at entry "
                        + ledgerEnd) && refused.getMessage().contains("--platform-acks"), refused.getMessage());
            }
            CommandRun accept = CommandRun.run("accept-loss", "--data", data.toString(), "--by", "9001", "--reason",
                    "copied back by mistake", "--platform-acks");
            assertEquals(0, accept.exit(), accept.err());
            try (Database db = Database.open(data)) {
                PlatformAckCheck.require(db, client, "line-1");
                assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE action = ? AND actor = '9001'",
                        PlatformAckCheck.ACCEPTED));
            }
        }
    }
}
