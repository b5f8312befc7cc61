package io.tracemark.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's high availability, run: a standby made with its pg_basebackup line streams the site's
 * database from the primary; promoted with its pg_ctl line, a site pointed at it holds every event the
 * stations sent and takes new ones.
 */
class SiteStandbyTest {

    @TempDir
    Path dir;

    @Test
    void aStandbyMadeAsTheReadmeShowsStreamsTheSiteAndAfterPromotionASiteRunsOnIt() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String baseBackup = line(readme, "pg_basebackup");
        String promote = line(readme, "pg_ctl promote");
        PostgresCluster primary = PostgresCluster.shared();
        SiteConfig.Database db = primary.newDatabase("standby");
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("platform"), true)) {
            SiteConfig config = TestSites.config(db, platform.baseUrl(), 1, 100);
            List<String> codes = new ArrayList<>();
            try (SiteServer site = SiteServer.start(config)) {
                PlatformClient station = TestSites.station(site, 1);
                station.requestCodes(new NewCodeRequest(SampleData.KETTLE, 20, null));
                for (CodeRange r : station.activatedRanges(SampleData.KETTLE)) {
                    station.acknowledge(r.id(), RangeAck.accept());
                    codes.addAll(r.codes());
                }
                station.postEvents(events(codes.subList(0, 10), "before"));
            }
            PostgresCluster standby = primary.standby(baseBackup);
            String standbyUrl = standby.jdbcUrl(db.url().substring(db.url().lastIndexOf('/') + 1));
            try (SiteServer site = SiteServer.start(config)) { // the primary goes on; the standby follows it
                TestSites.station(site, 1).postEvents(events(codes.subList(10, 15), "streamed"));
            }
            await(() -> count(standbyUrl, db, "SELECT count(*) FROM unit_events") == 15);
            standby.promote(promote);
            SiteConfig onStandby = new SiteConfig(config.siteId(), config.listen(), new SiteConfig.Database(standbyUrl,
                    db.user(), db.password(), 4), config.platform(), config.pool(), config.stations(), null,
                    config.adminToken());
            try (SiteServer site = SiteServer.start(onStandby)) {
                var result = TestSites.station(site, 1).postEvents(events(codes.subList(15, 20), "after"));
                assertEquals(5, result.accepted(), "the promoted standby takes new events");
                assertEquals(5, TestSites.station(site, 1).postEvents(events(codes.subList(10, 15), "streamed"))
                        .duplicates(), "and knows the streamed ones");
            }
            assertEquals(20, count(standbyUrl, db, "SELECT count(*) FROM unit_events"));
            assertTrue(count(standbyUrl, db, "SELECT count(*) FROM station_ranges") >= 1, "the ranges handed out");
        }
    }

    private static List<UnitEvent> events(List<String> codes, String tag) {
        List<UnitEvent> out = new ArrayList<>();
        for (String code : codes) {
            out.add(new UnitEvent("line-1/" + tag + "/" + code, code, SampleData.KETTLE, UnitEventType.VERIFIED,
                    Instant.parse("2026-12-02T09:00:00Z"), "job-1", null, null, Map.of("batch", "B-HA")));
        }
        return out;
    }

    /** The README's indented command line that contains {@code what}. */
    private static String line(String readme, String what) {
        for (String l : readme.split("\n")) {
            if (l.startsWith("    ") && l.contains(what)) {
                return l.strip();
            }
        }
        throw new AssertionError("the README shows no command with " + what);
    }

    private static long count(String url, SiteConfig.Database db, String sql) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(url, db.user(), db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the standby did not catch up within 60 s");
            }
            Thread.sleep(50);
        }
    }
}
