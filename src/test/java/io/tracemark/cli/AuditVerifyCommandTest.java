package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.platform.Backoff;
import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.OutboxSender;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import io.tracemark.store.Outbox;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void namesTheFirstBrokenEntryAndExitsOne() throws Exception {
        Path data = dir.resolve("data");
        try (Database db = Database.open(data)) {
            AuditLog early = new AuditLog(db, Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));
            AuditLog late = new AuditLog(db, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
            for (int i = 0; i < 6; i++) {
                AuditLog log = i < 3 ? early : late;
                db.inTransaction(conn -> log.record(conn, "2001", "job.start", "J1"));
            }
        }
        CommandRun ok = run("audit", "verify", "--data", data.toString(), "--json");
        assertEquals(0, ok.exit(), ok.err());
        JsonNode doc = JsonOutput.mapper().readTree(ok.out());
        assertTrue(doc.get("intact").asBoolean());
        assertEquals(6, doc.get("entriesChecked").asLong());
        assertEquals(6, doc.get("headEntry").asLong());

        try (Database db = Database.open(data)) {
            db.inTransaction(conn -> {
                try (Statement st = conn.createStatement()) {
                    return st.executeUpdate("UPDATE audit_log SET actor = '9999' WHERE id = 2");
                }
            });
        }
        CommandRun broken = run("audit", "verify", "--data", data.toString(), "--json");
        assertEquals(1, broken.exit());
        JsonNode b = JsonOutput.mapper().readTree(broken.out());
        assertFalse(b.get("intact").asBoolean());
        assertEquals(2, b.get("firstBrokenEntry").asLong());
        assertEquals("9999", b.get("brokenEntry").get("actor").asText());

        CommandRun text = run("audit", "verify", "--data", data.toString());
        assertEquals(1, text.exit());
        assertTrue(text.out().startsWith("audit trail BROKEN at entry 2: hash does not match"), text.out());

        CommandRun recent = run("audit", "verify", "--from", "2026-12-01", "--data", data.toString());
        assertEquals(0, recent.exit(), recent.out());
        assertTrue(recent.out().contains("intact from 2026-12-01T00:00:00Z: 3 entries"), recent.out());

        CommandRun badTime = run("audit", "verify", "--from", "yesterday", "--data", data.toString());
        assertEquals(2, badTime.exit());
        assertTrue(badTime.err().contains("'yesterday' is not a time"), badTime.err());
        CommandRun noData = run("audit", "verify", "--data", dir.resolve("none").toString());
        assertEquals(2, noData.exit());
        assertTrue(noData.err().contains("no station database"), noData.err());
    }

    @Test
    void comparesTheTrailWithThePlatformsAnchors() throws Exception {
        Path data = dir.resolve("data");
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("p"), true)) {
            try (Database db = Database.open(data)) {
                AuditLog log = new AuditLog(db);
                for (int i = 0; i < 20; i++) {
                    db.inTransaction(conn -> log.record(conn, "2001", "a", "d"));
                }
                OutboxSender sender = new OutboxSender(db, new Outbox(db), new HttpPlatformClient(platform.baseUrl(),
                        platform.stationToken(), Duration.ofSeconds(10)), job -> null,
                        new OutboxSender.Settings(100, Duration.ofMillis(20), new Backoff(Duration.ofMillis(20),
                                Duration.ofMillis(100), 0.2, 1)), Clock.systemUTC(), "line-1");
                while (sender.lag().backlog() > 0) {
                    sender.drainOnce();
                }
                db.inTransaction(conn -> {
                    try (Statement st = conn.createStatement()) {
                        st.executeUpdate("DELETE FROM audit_anchors");
                        return st.executeUpdate("DELETE FROM audit_log WHERE id > 10");
                    }
                });
            }
            String[] withPlatform = {"audit", "verify", "--data", data.toString(), "--platform", platform.baseUrl().toString(),
                "--token", platform.stationToken(), "--station", "line-1"};
            CommandRun r = run(withPlatform);
            assertEquals(1, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("BROKEN at entry 11: the trail ends at entry 10 but entry 17 was anchored"), r.out());
            assertEquals(0, run("audit", "verify", "--data", data.toString()).exit(), "without the platform it looks whole");
            CommandRun noToken = run("audit", "verify", "--data", data.toString(), "--platform", platform.baseUrl().toString());
            assertEquals(2, noToken.exit());
        }
    }

    @Test
    void theBenchmarkFindsTheEntryItEdited() throws Exception {
        CommandRun r = run("bench", "audit", "--entries", "3000", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JsonOutput.mapper().readTree(r.out());
        assertEquals(3000, doc.get("entries").asLong());
        assertEquals(1500, doc.get("tamperFoundAt").asLong());
        assertTrue(doc.get("anchors").asLong() >= 3000 / 16);
        assertEquals(2, run("bench", "audit", "--entries", "0").exit());
    }
}
