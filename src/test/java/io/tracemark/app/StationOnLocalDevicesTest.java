package io.tracemark.app;

import static io.tracemark.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.cli.CommandRun;
import io.tracemark.core.TracemarkException;
import io.tracemark.device.DeviceUri;
import io.tracemark.line.JobRequest;
import io.tracemark.line.PackMlState;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.sim.FaultPlan;
import io.tracemark.sim.VirtualPrinter;
import io.tracemark.verify.Decoded;
import io.tracemark.verify.FakeGate;
import io.tracemark.verify.FakeReader;
import io.tracemark.verify.FrameDecoder;
import io.tracemark.web.PanelServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --config station.yaml} on local devices speaking their real protocols over 127.0.0.1: a
 * virtual ZPL printer on TCP (it renders what it receives), a fixed-mount reader sending generic result
 * strings (it reads each printed label with the station's own decoder, as a camera above the printer
 * would) and a reject gate controller answering {@code R<unit>} with {@code OK <unit>}.
 */
class StationOnLocalDevicesTest {

    private static final String PROFILE = "zt411-203";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private VirtualPrinter printer;
    private FakeReader reader;
    private volatile boolean softwareTriggered;
    private final java.util.concurrent.BlockingQueue<String> seen = new java.util.concurrent.LinkedBlockingQueue<>();
    private FakeGate gate;
    private final AtomicInteger labelsRead = new AtomicInteger();
    private Path stationYaml;

    @BeforeEach
    void startDevices() throws Exception {
        PrinterProfile profile = PrinterProfiles.load(PROFILE);
        printer = new VirtualPrinter(new VirtualPrinter.Settings("printer-1", 0, profile, 100, FaultPlan.NONE,
                new RasterRenderer(LabelTargets.of(profile), profile.printWidthDots(), profile.labelLengthDots()), null));
        printer.start();
        reader = new FakeReader();
        gate = new FakeGate(unit -> true);
        FrameDecoder decoder = new FrameDecoder();
        printer.addListener(label -> {
            Optional<Decoded> read = decoder.decode(label.image().get(), Optional.empty());
            String line = read.map(d -> d.symbologyId() + d.data()).orElse("NOREAD");
            try {
                labelsRead.incrementAndGet(); // before the station can see the result and end the job
                if (softwareTriggered) { // a triggered reader shows the label only when told to read
                    seen.add(line);
                    return;
                }
                reader.send(line + "\r\n");
            } catch (Exception e) {
                throw new IllegalStateException("fake reader cannot send", e);
            }
        });
        stationYaml = write("station.yaml", """
                station:
                  name: test-line
                  data: data
                  templates: %s
                panel:
                  host: 127.0.0.1
                  port: 0
                printers:
                  - name: %s
                    uri: tcp://127.0.0.1:%d
                    profile: %s
                scanners:
                  - name: %s
                    uri: tcp://127.0.0.1:%d
                    profile: generic
                rejectGates:
                  - name: gate-1
                    uri: tcp://127.0.0.1:%d?confirm=OK%%20%%7Bunit%%7D&timeoutMs=2000
                line:
                  lookAhead: 2
                  verdictTimeoutMs: 5000
                """.formatted(Path.of("templates").toAbsolutePath(), SimulatedLine.PRINTER, printer.port(), PROFILE,
                SimulatedLine.SCANNER, reader.port(), gate.port()));
    }

    @AfterEach
    void stopDevices() throws Exception {
        gate.close();
        reader.close();
        printer.close();
    }

    @Test
    void runsAJobOnLocalDevicesThroughThePanelAndShutsDownCleanly() throws Exception {
        PlatformCodes.seed(dir.resolve("data"), 100);
        StationConfig config = new StationConfigReader().read(stationYaml);
        int port;
        try (Station runtime = Station.builder(config).start();
             PanelServer panel = runtime.startPanel("432100")) {
            port = panel.port();
            assertTrue(port > 0, "port 0 in station.yaml picks a free port");
            Http admin = new Http(port);
            assertEquals(401, admin.get("/status").statusCode(), "not signed in yet");
            assertEquals(401, admin.signIn("9001", "0000"), "wrong PIN");
            assertEquals(201, admin.signIn("9001", "432100"), "the first admin, from the PIN given at start-up");

            JsonNode status = admin.json(admin.get("/status"));
            assertEquals("STOPPED", status.get("state").asText());
            assertFalse(status.get("resumable").asBoolean());
            assertFalse(status.get("platform").get("configured").asBoolean(), "no platform in station.yaml: " + status);
            assertTrue(status.get("platform").get("codes").asText().contains("imported code packages"), status.toString());
            JsonNode devices = admin.json(admin.get("/devices"));
            assertEquals(List.of("printer-1 printer tcp://127.0.0.1:" + printer.port(),
                    "camera-1 scanner tcp://127.0.0.1:" + reader.port(),
                    "gate-1 rejectGate tcp://127.0.0.1:" + gate.port() + "?confirm=OK%20%7Bunit%7D&timeoutMs=2000"),
                    devices.findValuesAsText("name").stream().map(n -> describe(devices, n)).toList());

            HttpResponse<String> started = admin.post("/line/start", jobJson(SampleStation.itemJob(12, LocalDate.now())));
            assertEquals(200, started.statusCode(), started.body());
            assertEquals(PackMlState.COMPLETE, LineWatch.awaitState(runtime.line(),
                    EnumSet.of(PackMlState.COMPLETE, PackMlState.ABORTED), Duration.ofSeconds(60)),
                    () -> "job did not complete: " + runtime.line().snapshot());
            assertTrue(!gate.commands.isEmpty() && gate.commands.get(0).startsWith("R-"),
                    "the challenge label was rejected and the gate fired and confirmed: " + gate.commands);
            assertEquals(200, admin.post("/line/end-batch", "{}").statusCode());
            JsonNode account = admin.json(admin.get("/jobs/last-reconciliation"));
            assertEquals(12, account.get("verified").asInt(), account.toString());
            assertEquals(0, account.get("duplicates").asInt());
            assertTrue(account.get("balanced").asBoolean(), account.toString());
            assertTrue(labelsRead.get() >= 13, "every printed label went through the reader: " + labelsRead);

            // the device page on real protocols: no hands-on virtual actions, the printer's status and odometer asked
            JsonNode page = admin.json(admin.get("/devices/state"));
            assertEquals(0, page.get("virtual").size(), "run on real devices offers no virtual-printer buttons: " + page);
            JsonNode printerState = page.get("devices").get(0);
            assertEquals("printer-1", printerState.get("name").asText());
            assertEquals("up", printerState.get("link").asText(), page.toString());
            assertEquals(0, printerState.get("conditions").size(), page.toString());
            assertTrue(page.get("devices").get(1).get("counters").get("reads").asLong() >= 13, page.toString());
            JsonNode live = admin.json(admin.get("/status")).get("live");
            assertFalse(live.get("hasFrame").asBoolean(), "a reader sending result strings sends no frame: " + live);
            HttpResponse<String> label = admin.get("/live/" + live.get("unitId").asLong() + "/label.png");
            assertEquals(200, label.statusCode(), "the unit's label is drawn from the station's own ZPL on real devices too");
        }
        assertThrows(ConnectException.class, () -> new Http(port).get("/status"), "the panel is closed");

        try (Station again = Station.builder(new StationConfigReader().read(stationYaml)).start();
             PanelServer panel = again.startPanel(null)) {
            assertEquals(201, new Http(panel.port()).signIn("9001", "432100"), "the admin was kept; no PIN needed now");
            assertEquals(PackMlState.STOPPED, again.line().snapshot().state());
            assertTrue(again.line().currentJobId().isEmpty(), "the ended job is not resumed");
        }
    }

    @Test
    void aSoftwareTriggeredReaderGetsOneTriggerPerPrintedLabel() throws Exception {
        PlatformCodes.seed(dir.resolve("data"), 40);
        softwareTriggered = true;
        Path keyence = write("station-keyence.yaml", Files.readString(stationYaml)
                .replace("profile: generic", "profile: keyence-sr"));
        AtomicInteger triggers = new AtomicInteger();
        Thread keyenceReader = new Thread(() -> answerTriggers(triggers), "fake keyence");
        keyenceReader.setDaemon(true);
        keyenceReader.start();
        try (Station runtime = Station.builder(new StationConfigReader().read(keyence)).start()) {
            runtime.line().start(SampleStation.itemJob(12, LocalDate.now()), "tester");
            assertEquals(PackMlState.COMPLETE, LineWatch.awaitState(runtime.line(),
                    EnumSet.of(PackMlState.COMPLETE, PackMlState.ABORTED), Duration.ofSeconds(60)),
                    () -> "job did not complete: " + runtime.line().snapshot());
            runtime.line().endBatch("tester");
            assertEquals(12, runtime.line().snapshot().counters().verified(), runtime.line().snapshot().toString());
            assertEquals(labelsRead.get(), triggers.get(), "one LON per printed label (challenge included)");
        } finally {
            keyenceReader.interrupt();
        }
    }

    /** The fake Keyence SR: on each {@code LON<CR>} it answers {@code OK,LON} and then the label it sees. */
    private void answerTriggers(AtomicInteger triggers) {
        StringBuilder command = new StringBuilder();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Integer b = reader.received.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (b == null) {
                    continue;
                }
                if (b != '\r') {
                    command.append((char) b.intValue());
                    continue;
                }
                if (command.toString().equals("LON")) {
                    triggers.incrementAndGet();
                    String label = seen.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                    reader.send("OK,LON\r" + (label == null ? "ERROR" : label) + "\r");
                }
                command.setLength(0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("fake Keyence reader failed", e);
        }
    }

    @Test
    void aMissingBackupFolderIsAnAlarmOnThePanelAndTheLineRunsOn() throws Exception {
        PlatformCodes.seed(dir.resolve("data"), 100);
        Path yaml = write("station-backups.yaml", Files.readString(stationYaml) + """
                backups:
                  folders:
                    - path: data/backups
                    - path: second-disk-not-mounted/tracemark
                  intervalMinutes: 0
                  atBatchEnd: true
                  keep: 3
                """);
        try (Station runtime = Station.builder(new StationConfigReader().read(yaml)).start();
             PanelServer panel = runtime.startPanel("432100")) {
            Http admin = new Http(panel.port());
            assertEquals(201, admin.signIn("9001", "432100"));
            HttpResponse<String> started = admin.post("/line/start", jobJson(SampleStation.itemJob(6, LocalDate.now())));
            assertEquals(200, started.statusCode(), started.body());
            assertEquals(PackMlState.COMPLETE, LineWatch.awaitState(runtime.line(),
                    EnumSet.of(PackMlState.COMPLETE, PackMlState.ABORTED), Duration.ofSeconds(60)));
            assertEquals(200, admin.post("/line/end-batch", "{}").statusCode());
            // the batch end takes a backup into each folder; the missing one is an alarm, the other a good backup
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            JsonNode status = admin.json(admin.get("/status"));
            while (!status.get("alarms").toString().contains("backup.failed") && System.nanoTime() < deadline) {
                LineWatch.awaitState(runtime.line(), EnumSet.noneOf(PackMlState.class), Duration.ofMillis(200));
                status = admin.json(admin.get("/status"));
            }
            assertTrue(status.get("alarms").toString().contains("second-disk-not-mounted"), status.toString());
            JsonNode backup = status.get("backup");
            assertTrue(backup.get("configured").asBoolean());
            assertTrue(backup.get("lastGoodAgeSeconds").asLong() >= 0, backup.toString());
            String missing = dir.resolve("second-disk-not-mounted/tracemark").toString();
            assertTrue(backup.get("folders").get(missing).get("error").asText().contains("does not exist"), backup.toString());
            assertTrue(backup.get("folders").get(missing).get("lastGood").isNull());
            assertEquals(1, new io.tracemark.records.backup.BackupFolder(dir.resolve("data/backups")).list().size());
            // production is not stopped by it: the next job runs
            HttpResponse<String> next = admin.post("/line/start", jobJson(SampleStation.itemJob(3, LocalDate.now())));
            assertEquals(200, next.statusCode(), next.body());
            assertEquals(PackMlState.COMPLETE, LineWatch.awaitState(runtime.line(),
                    EnumSet.of(PackMlState.COMPLETE, PackMlState.ABORTED), Duration.ofSeconds(60)));
            // the station reports its backups in its status; a site reading its panel shows the last good one's age
            String token = panel.services().accounts().createToken("site", "operator").secret();
            io.tracemark.site.SiteConfig site = new io.tracemark.site.SiteConfig("site-backups",
                    new io.tracemark.site.SiteConfig.Listen("127.0.0.1", 0),
                    io.tracemark.site.PostgresCluster.shared().newDatabase("backups"),
                    new io.tracemark.site.SiteConfig.Platform(URI.create("http://127.0.0.1:9"), "platform-token-unused", 2, 3600),
                    new io.tracemark.site.SiteConfig.Pool(10, 10), List.of(new io.tracemark.site.SiteConfig.StationEntry(
                            "line-1", "Line 1", "line-1-token-of-the-backup-test", URI.create("http://127.0.0.1:"
                            + panel.port()), token)), null, null);
            try (io.tracemark.site.SiteServer server = io.tracemark.site.SiteServer.start(site)) {
                HttpClient http = HttpClient.newHttpClient();
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                String page = "";
                while (!page.contains(" ago</span>") && System.nanoTime() < until) {
                    page = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    LineWatch.awaitState(runtime.line(), EnumSet.noneOf(PackMlState.class), Duration.ofMillis(200));
                }
                assertTrue(page.contains("<th>last backup</th>"), page);
                String cell = page.substring(page.indexOf("<td class=\"backup\">"));
                cell = cell.substring(0, cell.indexOf("</td>"));
                assertTrue(cell.matches(".*title=\"" + backup.get("lastGood").asText().substring(0, 16) + ".*\\d+ (s|min) ago.*"),
                        "the age of the station's last good backup: " + cell);
                assertTrue(cell.contains("second-disk-not-mounted"), "and the failing folder: " + cell);
                JsonNode line = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(server.url()
                        + "/api/site/v1/status")).build(), HttpResponse.BodyHandlers.ofString()).body()).get("lines").get(0);
                assertEquals(java.time.Instant.parse(backup.get("lastGood").asText()),
                        java.time.Instant.parse(line.get("lastBackupAt").asText()), line.toString());
                assertTrue(page.contains("<a href=\"http://127.0.0.1:" + panel.port() + "\">line-1</a>"),
                        "the line's id drills into its panel: " + page);
            }
        }
    }

    @Test
    void aStationWithoutUsersNeedsTheAdminPin() throws Exception {
        StationConfig config = new StationConfigReader().read(stationYaml);
        try (Station runtime = Station.builder(config).start()) {
            TracemarkException none = assertThrows(TracemarkException.class, () -> runtime.startPanel(null));
            assertEquals("the station has no users: set TRACEMARK_ADMIN_PIN (6–12 digits) for the first admin, user 9001",
                    none.getMessage());
            TracemarkException shortPin = assertThrows(TracemarkException.class, () -> runtime.startPanel("1234"));
            assertTrue(shortPin.getMessage().contains("TRACEMARK_ADMIN_PIN"), shortPin.getMessage());
        }
    }

    @Test
    void runWithoutUsersAndWithoutThePinExitsTwo() {
        assertNull(System.getenv("TRACEMARK_ADMIN_PIN"), "this test runs `run` in-process: unset TRACEMARK_ADMIN_PIN "
                + "in the environment of the test suite");
        CommandRun r = run("run", "--config", stationYaml.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error: the station has no users: set TRACEMARK_ADMIN_PIN")),
                r.err());
    }

    @Test
    void runReportsEveryProblemOfStationYamlOnOneLine() {
        Path bad = write("bad.yaml", """
                station:
                  name: test-line
                  colour: blue
                panel:
                  port: 70000
                printers:
                  - name: printer-1
                    profile: zt411-203
                scanners:
                  - name: camera-1
                    uri: 127.0.0.1:23
                    profile: generic
                line:
                  minimumGrade: Z
                """);
        CommandRun r = run("run", "--config", bad.toString());
        assertEquals(2, r.exit(), r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), r.err());
        String line = errors.get(0);
        for (String where : List.of("station.colour", "panel.port", "printers[0].uri", "scanners[0].uri",
                "line.minimumGrade")) {
            assertTrue(line.contains(where), "names " + where + ": " + line);
        }
        assertTrue(line.contains("5 problems"), line);
        assertFalse(Files.exists(dir.resolve("data")), "nothing was started");
    }

    @Test
    void gateParametersArePercentDecodedAndTakenOffTheTransportUri() {
        StationConfig.Device d = new StationConfig.Device("gate-1", URI.create("tcp://10.0.0.12:5000"), null);
        assertEquals("R{unit}\r\n", StationDevices.percentDecoded(d, "cmd", "R%7Bunit%7D%0D%0A"));
        assertEquals("OK {unit}", StationDevices.percentDecoded(d, "confirm", "OK%20%7Bunit%7D"));
        TracemarkException bad = assertThrows(TracemarkException.class,
                () -> StationDevices.percentDecoded(d, "confirm", "OK%2"));
        assertTrue(bad.getMessage().contains("gate-1") && bad.getMessage().contains("uri.confirm"), bad.getMessage());
        assertEquals("tcp://10.0.0.12:5000?connectTimeoutMs=500", StationDevices.transportPart(DeviceUri
                .parse("tcp://10.0.0.12:5000?cmd=X&connectTimeoutMs=500&confirm=OK&timeoutMs=90")).raw());
        assertEquals("tcp://10.0.0.12:5000", StationDevices.transportPart(DeviceUri
                .parse("tcp://10.0.0.12:5000?confirm=OK")).raw());
    }

    // ---- helpers ----

    private static String jobJson(JobRequest job) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productId", job.productId());
        body.put("batch", job.batch());
        body.put("productionDate", job.productionDate().toString());
        body.put("expiryDate", job.expiryDate().toString());
        body.put("traceLevel", job.traceLevel().name());
        body.put("scheme", job.scheme());
        body.put("template", job.template());
        body.put("printer", job.printer());
        body.put("scanner", job.scanner());
        body.put("quantity", job.quantity());
        body.put("minimumGrade", job.minimumGrade());
        return JSON.writeValueAsString(body);
    }

    private static String describe(JsonNode devices, String name) {
        for (JsonNode d : devices) {
            if (d.get("name").asText().equals(name)) {
                return name + " " + d.get("kind").asText() + " " + d.get("uri").asText();
            }
        }
        throw new AssertionError("no device " + name);
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** The panel's API as another system sees it: session cookie and CSRF header after sign-in. */
    private static final class Http {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;
        private String session;
        private String csrf;

        Http(int port) {
            this.base = "http://127.0.0.1:" + port + PanelServer.API;
        }

        int signIn(String user, String pin) throws Exception {
            HttpResponse<String> r = post("/session", JSON.writeValueAsString(Map.of("user", user, "pin", pin)));
            if (r.statusCode() == 201) {
                session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tm_session="))
                        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
                csrf = json(r).get("csrfToken").asText();
            }
            return r.statusCode();
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            return send(b);
        }

        JsonNode json(HttpResponse<String> r) throws IOException {
            return JSON.readTree(r.body());
        }

        private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
            if (session != null) {
                b.header("Cookie", session);
            }
            return client.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
