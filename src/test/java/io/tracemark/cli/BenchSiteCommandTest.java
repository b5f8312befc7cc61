package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.site.PostgresCluster;
import io.tracemark.site.SiteConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench site} on a small load, on a database of its own of the test cluster: figures and the exactly-once check. */
class BenchSiteCommandTest {

    @TempDir
    Path dir;

    @Test
    void benchSiteReportsItsFiguresAndThePlatformHoldsEveryEventOnce() throws Exception {
        SiteConfig.Database db = PostgresCluster.shared().newDatabase("bench");
        Path yaml = dir.resolve("site.yaml");
        Files.writeString(yaml, Files.readString(Path.of("site.yaml"), StandardCharsets.UTF_8)
                .replace("jdbc:postgresql://127.0.0.1:5432/tracemark", db.url())
                .replace("user: tracemark", "user: " + db.user())
                .replace("password: tracemark ", "password: " + db.password() + " ")
                .replace("adminToken: env:TRACEMARK_SITE_ADMIN_TOKEN", "adminToken: bench-admin"), StandardCharsets.UTF_8);
        CommandRun r = run("bench", "site", "--config", yaml.toString(), "--stations", "4", "--units", "1500", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(6000, doc.get("events").asLong(), doc.toString());
        assertEquals(6000, doc.get("platformHolds").asLong());
        assertTrue(doc.get("exactlyOnce").asBoolean());
        assertTrue(doc.get("eventsPerSecond").asLong() > 0);
        assertEquals(8, doc.get("rangesHandedOut").asInt(), "ranges of 1,000 codes: " + doc);
        assertTrue(doc.get("rangeHandOutMsMedian").asDouble() > 0);
        assertTrue(doc.get("databaseBytesPerMillionUnits").asLong() > 0);
        assertTrue(doc.has("platformLagSecondsAfterIntake") && doc.has("maxOutboxEvents"));
    }
}
