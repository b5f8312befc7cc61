package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.app.LineFaults;
import io.tracemark.app.SampleStation;
import io.tracemark.app.SimulatedLine;
import io.tracemark.line.LineSettings;
import io.tracemark.line.LiveUnit;
import io.tracemark.line.PackMlState;
import io.tracemark.sim.DegradationMix;
import io.tracemark.verify.Content;
import io.tracemark.verify.Decoded;
import io.tracemark.verify.FrameDecoder;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live view, trends and device page on the real simulated line (TCP virtual printer, virtual camera,
 * the station's decoder, SQLite): the live unit's frame and label are of that same unit (both decode to
 * what was read for it), the challenge label is marked, the frame comes as a small JPEG with the found
 * code's box drawn, the trends count the ledger's verdicts, and a paper-out fault is recovered at the
 * virtual printer through the device page's action, then cleared.
 */
class LiveViewApiTest {

    @Test
    void theLiveUnitsFrameAndLabelAreItsOwnAndTheFrameIsASmallJpegWithTheBox(@TempDir Path dataDir) throws Exception {
        SimulatedLine.Options options = new SimulatedLine.Options(dataDir, LineFaults.parse("", DegradationMix.none(), 7),
                LineSettings.defaults().withChallengeAtStart(true), 200, 7, 0, "zt411-203");
        try (SimulatedLine sim = SimulatedLine.start(options); PanelServer server = panel(sim)) {
            int port = server.port();
            ApiClient api = new ApiClient(port);
            assertEquals(201, api.signIn("2001", "234567").status());
            List<LiveUnit> seen = new CopyOnWriteArrayList<>();
            try (AutoCloseable watch = sim.line().onChange(() -> sim.line().liveUnit().ifPresent(u -> {
                if (seen.isEmpty() || seen.get(seen.size() - 1).unitId() != u.unitId()) {
                    seen.add(u);
                }
            }))) {
                sim.line().start(SampleStation.itemJob(30, LocalDate.now()), "2001");
                await(sim, () -> sim.line().snapshot().counters().verified() >= 30);
            }

            LiveUnit challenge = seen.get(0);
            assertTrue(challenge.challenge() && !challenge.verified(), "the challenge label comes first, marked: " + challenge);
            assertTrue(challenge.unitId() < 0, "never a unit of the ledger");
            assertEquals(Content.printable(decode(label(api, challenge.unitId()))), challenge.read(),
                    "the challenge label shown is the challenge label the camera read");

            LiveUnit last = sim.line().liveUnit().orElseThrow();
            assertFalse(last.challenge());
            assertTrue(last.verified(), last.toString());
            assertEquals(last.unitId(), sim.ledger().unitByCode(last.code()).orElseThrow().id(), "the unit of its code");
            String frameRead = Content.printable(decode(sim.line().liveFrame(last.unitId()).orElseThrow()));
            String labelRead = Content.printable(decode(label(api, last.unitId())));
            assertEquals(last.read(), frameRead, "the frame shown is the one the verdict was given on");
            assertEquals(frameRead, labelRead, "the label shown is of the same unit as the frame");
            // an earlier unit still shown by its own id gets its own pictures, not the newest
            LiveUnit earlier = seen.get(seen.size() - 3);
            assertEquals(earlier.read(), Content.printable(decode(label(api, earlier.unitId()))));
            assertFalse(earlier.read().equals(last.read()));

            JsonNode status = api.get("/status").json();
            assertEquals(last.unitId(), status.get("live").get("unitId").asLong(), "the status carries the live unit");

            ApiClient.Response jpeg = api.get("/live/" + last.unitId() + "/frame.jpg");
            assertEquals(200, jpeg.status(), jpeg.toString());
            assertEquals("image/jpeg", jpeg.header("Content-Type").get(0));
            ApiClient.Response png = api.get("/images/last-frame");
            System.out.printf("live frame: JPEG %d bytes, the frame as PNG %d bytes%n", jpeg.bytes().length, png.bytes().length);
            assertTrue(jpeg.bytes().length < 100_000, "well under 100 KB: " + jpeg.bytes().length);
            BufferedImage shown = ImageIO.read(new ByteArrayInputStream(jpeg.bytes()));
            assertTrue(shown.getWidth() <= 640, "at most 640 px wide: " + shown.getWidth());
            assertBoxDrawn(shown, last.foundAt().orElseThrow(), last.frameWidth());
            assertEquals(404, api.get("/live/999999/frame.jpg").status(), "a unit not shown has no frame here");
        }
    }

    @Test
    void trendsCountTheLedgersVerdictsAndAPaperOutIsRecoveredAtTheVirtualPrinter(@TempDir Path dataDir) throws Exception {
        SimulatedLine.Options options = new SimulatedLine.Options(dataDir,
                LineFaults.parse("printer.paperOutAfter=12", DegradationMix.none(), 7),
                LineSettings.defaults().withChallengeAtStart(false), 200, 7, 0, "zt411-203");
        try (SimulatedLine sim = SimulatedLine.start(options); PanelServer server = panel(sim)) {
            int port = server.port();
            ApiClient api = new ApiClient(port);
            assertEquals(201, api.signIn("2001", "234567").status());
            sim.line().start(SampleStation.itemJob(25, LocalDate.now()), "2001");
            await(sim, () -> sim.line().snapshot().state() == PackMlState.ABORTED);

            JsonNode printer = device(api, SimulatedLine.PRINTER);
            assertTrue(printer.get("conditions").toString().contains("PAPER_OUT"), printer.toString());
            assertEquals(List.of("reloadPaper", "closeHead", "fixRibbon"),
                    PanelJson.MAPPER.convertValue(api.get("/devices/state").json().get("virtual").get(SimulatedLine.PRINTER),
                            List.class));
            assertEquals(404, api.post("/devices/" + SimulatedLine.PRINTER + "/virtual/explode", Map.of()).status());

            assertEquals(204, api.post("/devices/" + SimulatedLine.PRINTER + "/virtual/reloadPaper", Map.of()).status());
            JsonNode reloaded = device(api, SimulatedLine.PRINTER);
            assertFalse(reloaded.get("conditions").toString().contains("PAPER_OUT"), reloaded.toString());
            assertEquals("up", reloaded.get("link").asText());
            assertTrue(reloaded.get("counters").get("odometer").asLong() >= 12, reloaded.toString());
            for (JsonNode alarm : api.get("/alarms").json()) {
                assertEquals(200, api.post("/alarms/" + alarm.get("id").asLong() + "/ack", Map.of()).status());
            }
            assertEquals(200, api.post("/line/clear", Map.of()).status(), "清除故障 after the paper was reloaded");
            assertEquals(200, api.post("/line/restart", Map.of()).status());
            await(sim, () -> sim.line().snapshot().counters().verified() >= 25);
            JsonNode scanner = device(api, SimulatedLine.SCANNER);
            assertTrue(scanner.get("counters").get("reads").asLong() >= 25, scanner.toString());

            String jobId = sim.line().currentJobId().orElseThrow();
            long verified = sim.ledger().reconcile(jobId).verified();
            long rejected = sim.ledger().reconcile(jobId).rejected();
            JsonNode trends = api.get("/trends?hours=1").json();
            assertEquals(60, trends.get("minutes").size(), "one bucket a minute");
            assertEquals(verified, trends.get("verified").asLong(), trends.toString());
            assertEquals(rejected, trends.get("rejected").asLong());
            long sum = 0;
            for (JsonNode m : trends.get("minutes")) {
                sum += m.get("rate").asLong();
            }
            assertEquals(verified + rejected, sum, "the buckets add up");
            assertEquals(trends.get("verified").asLong(), api.get("/trends?hours=1").json().get("verified").asLong(),
                    "the minutes kept give the same answer");
            ApiClient.Response bad = api.get("/trends?hours=0");
            assertEquals(400, bad.status());
            assertEquals("hours", bad.json().get("problems").get(0).get("field").asText());
        }
    }

    @Test
    void aSupervisorStoresTheCodeBoxAuditedAndABadBoxChangesNothing(@TempDir Path dataDir) throws Exception {
        SimulatedLine.Options options = new SimulatedLine.Options(dataDir, LineFaults.parse("", DegradationMix.none(), 7),
                LineSettings.defaults().withChallengeAtStart(false), 100, 7, 0, "zt411-203");
        try (SimulatedLine sim = SimulatedLine.start(options); PanelServer server = panel(sim)) {
            int port = server.port();
            ApiClient api = new ApiClient(port);
            assertEquals(201, api.signIn("2001", "234567").status());
            sim.line().start(SampleStation.itemJob(5, LocalDate.now()), "2001");
            await(sim, () -> sim.line().snapshot().counters().verified() >= 5);
            String path = "/scanners/" + SimulatedLine.SCANNER + "/code-box";
            JsonNode before = api.get(path).json();
            assertTrue(before.get("codeBox").isNull());
            int fw = before.get("frame").get("width").asInt();
            int fh = before.get("frame").get("height").asInt();
            ApiClient.Response jpeg = api.get("/camera/frame.jpg");
            assertEquals("image/jpeg", jpeg.header("Content-Type").get(0));
            assertEquals(String.valueOf(fw), jpeg.header("X-Frame-Width").get(0));

            ApiClient.Response outside = api.send("PUT", path, Map.of("x", fw - 10, "y", 0, "width", 100, "height", 100,
                    "frameWidth", fw, "frameHeight", fh));
            assertEquals(400, outside.status(), outside.toString());
            assertEquals("boxOutside", outside.json().get("problems").get(0).get("key").asText(), outside.text());
            ApiClient.Response missing = api.send("PUT", path, Map.of("x", 1, "y", 1));
            assertEquals(400, missing.status());
            assertEquals(4, missing.json().get("problems").size(), missing.text());
            ApiClient.Response unknown = api.send("PUT", "/scanners/nope/code-box", Map.of("x", 1, "y", 1, "width", 100,
                    "height", 100, "frameWidth", fw, "frameHeight", fh));
            assertEquals(400, unknown.status(), unknown.toString());
            assertEquals("scanner", unknown.json().get("problems").get(0).get("field").asText());
            assertTrue(api.get(path).json().get("codeBox").isNull(), "a refused box changes nothing");

            ApiClient.Response saved = api.send("PUT", path, Map.of("x", 10, "y", 20, "width", fw / 2, "height", fh / 2,
                    "frameWidth", fw, "frameHeight", fh));
            assertEquals(200, saved.status(), saved.toString());
            JsonNode box = api.get(path).json().get("codeBox");
            assertEquals(10, box.get("x").asInt());
            assertEquals(fw / 2, box.get("width").asInt());
            assertEquals("2001", box.get("setBy").asText());
            assertTrue(auditHas(sim, "scanner.codeBox"), "the change is audited");

            ApiClient operator = new ApiClient(port);
            server.services().accounts().ensureUser("1001", "Operator Li", Role.OPERATOR, "1234");
            assertEquals(201, operator.signIn("1001", "1234").status());
            assertEquals(403, operator.send("PUT", path, Map.of("x", 10, "y", 20, "width", 50, "height", 50,
                    "frameWidth", fw, "frameHeight", fh)).status(), "operators do not set up the camera");
            assertEquals(204, api.delete(path).status());
            assertTrue(api.get(path).json().get("codeBox").isNull());
        }
    }

    private static boolean auditHas(SimulatedLine sim, String action) {
        return sim.database().read(conn -> {
            try (var ps = conn.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE action = ?")) {
                ps.setString(1, action);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            }
        });
    }

    /** The panel as the station builds it (the demo's: virtual-printer actions included), on a free port. */
    static PanelServer panel(SimulatedLine sim) {
        UserAccounts accounts = new UserAccounts(new SqliteUserStore(sim.database()), new PinHasher(1000), Clock.systemUTC());
        accounts.ensureUser("2001", "Supervisor Wang", Role.SUPERVISOR, "234567");
        return sim.station().startPanel(accounts, "127.0.0.1", 0);
    }

    private static JsonNode device(ApiClient api, String name) {
        for (JsonNode d : api.get("/devices/state").json().get("devices")) {
            if (d.get("name").asText().equals(name)) {
                return d;
            }
        }
        throw new AssertionError("no device " + name);
    }

    private static BufferedImage label(ApiClient api, long unitId) throws java.io.IOException {
        ApiClient.Response r = api.get("/live/" + unitId + "/label.png");
        assertEquals(200, r.status(), r.toString());
        assertEquals("image/png", r.header("Content-Type").get(0));
        return ImageIO.read(new ByteArrayInputStream(r.bytes()));
    }

    private static String decode(BufferedImage image) {
        Optional<Decoded> d = new FrameDecoder().decode(image, Optional.empty());
        assertTrue(d.isPresent(), "a code reads in the picture");
        return d.get().data();
    }

    /** Pixels of the box colour all round the code's place (scaled as the JPEG is), none on the code itself. */
    private static void assertBoxDrawn(BufferedImage shown, Rectangle foundAt, int frameWidth) {
        double s = shown.getWidth() / (double) frameWidth;
        int m = FrameJpeg.BOX_LINE / 2 + 1;
        int x0 = (int) Math.floor(foundAt.x * s) - m;
        int y0 = (int) Math.floor(foundAt.y * s) - m;
        int x1 = x0 + (int) Math.ceil(foundAt.width * s) + 2 * m;
        int y1 = y0 + (int) Math.ceil(foundAt.height * s) + 2 * m;
        int cx = (x0 + x1) / 2;
        int cy = (y0 + y1) / 2;
        int[][] edges = {{x0, cy}, {x1, cy}, {cx, y0}, {cx, y1}, {x0, y0}, {x1, y1}};
        for (int[] p : edges) {
            assertTrue(boxColour(shown.getRGB(p[0], p[1])), "box colour at " + p[0] + "," + p[1] + " (found at " + foundAt
                    + ", scale " + s + "): " + new Color(shown.getRGB(p[0], p[1])));
        }
        assertFalse(boxColour(shown.getRGB(cx, cy)), "the code itself is not painted over");
    }

    private static boolean boxColour(int rgb) {
        Color c = new Color(rgb);
        return c.getGreen() > 150 && c.getRed() < 110 && c.getBlue() < 110;
    }

    private static void await(SimulatedLine sim, BooleanSupplier condition) throws Exception {
        Semaphore changed = new Semaphore(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (AutoCloseable ignored = sim.line().onChange(changed::release)) {
            while (!condition.getAsBoolean()) {
                assertTrue(System.nanoTime() < deadline, "condition within 60 s: " + sim.line().snapshot());
                changed.tryAcquire(100, TimeUnit.MILLISECONDS);
            }
        }
    }
}
