package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.cli.CommandRun;
import io.tracemark.ledger.GateCount;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.Alarm;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.sim.FaultPlan;
import io.tracemark.sim.GatePlan;
import io.tracemark.sim.VirtualPlc;
import io.tracemark.sim.VirtualPrinter;
import io.tracemark.verify.Decoded;
import io.tracemark.verify.FakeReader;
import io.tracemark.verify.FrameDecoder;
import io.tracemark.web.PanelServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PLC's own reject counter reconciled with the station's gate fires, over loopback: a virtual ZPL
 * printer on TCP, a result-string reader that reports every 4th label as a no-read (so those units are
 * rejected), and the reject gate on a {@link VirtualPlc} (Modbus TCP, j2mod) whose counter register the
 * station reads when the job begins and ends. A PLC that misses a pulse is found at job end: the job's
 * accounting says so, the line raises an alarm, and {@code reconcile} reports it from the database.
 */
class PlcRejectCountTest {

    private static final String PROFILE = "zt411-203";
    private static final int UNITS = 16;

    @TempDir
    Path dir;

    private VirtualPrinter printer;
    private volatile FakeReader reader;
    private VirtualPlc plc;

    @AfterEach
    void stopDevices() throws Exception {
        if (plc != null) {
            plc.close();
        }
        reader.close();
        printer.close();
    }

    @Test
    void aPlcThatCountsEveryFireMatchesTheStation() throws Exception {
        DemoRun.Outcome outcome = runJob("confirms=false");
        Reconciliation books = outcome.books().orElseThrow();
        assertTrue(books.balanced(), books.toString());
        long rejected = books.rejected();
        assertTrue(rejected >= 4, "every 4th label was a no-read (a rejected unit's code is replaced): " + books);
        GateCount gate = single(outcome.gates());
        assertEquals(books.rejected(), gate.stationFires(), "one fire per rejected unit; the challenge's is before the job");
        assertEquals(books.rejected(), gate.plcRejects().getAsLong(), gate.describe());
        assertTrue(gate.matches() && outcome.gatesMatch(), gate.describe());
        assertEquals(1 + books.rejected(), plc.counted(), "the challenge fired the gate too, before the job began");

        CommandRun r = CommandRun.run("reconcile", "--job", books.job(), "--data", dir.resolve("data").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("gate gate-1: station fired " + rejected + ", PLC counted " + rejected + ", matches"),
                r.out());
    }

    @Test
    void aPulseThePlcMissedIsAMismatchInTheAccountsAnAlarmAndAFailedReconcile() throws Exception {
        // fire 1 is the challenge at job start, 2 the first unit reject, 3 the second: the PLC misses that one
        DemoRun.Outcome outcome = runJob("confirms=false,missedAt=3");
        Reconciliation books = outcome.books().orElseThrow();
        assertTrue(books.balanced(), "the codes still balance: " + books);
        GateCount gate = single(outcome.gates());
        long rejected = books.rejected();
        assertEquals(rejected, gate.stationFires(), gate.describe());
        assertEquals(rejected - 1, gate.plcRejects().getAsLong(), gate.describe());
        assertFalse(gate.matches());
        assertEquals(rejected + 1, plc.fired(), "the station did pulse the coil for every reject (and the challenge)");
        assertTrue(gate.describe().contains("MISMATCH: 1 fire(s) the PLC did not carry out; rejected units may have"
                + " shipped"), gate.describe());

        CommandRun r = CommandRun.run("reconcile", "--job", books.job(), "--data", dir.resolve("data").toString(),
                "--json");
        assertEquals(1, r.exit(), "a PLC that disagrees fails the reconciliation: " + r.out());
        assertTrue(r.out().contains("\"matches\" : false") && r.out().contains("\"stationFires\" : " + rejected)
                && r.out().contains("\"plcRejects\" : " + (rejected - 1)), r.out());
        assertTrue(r.out().contains("\"balanced\" : true"), "the codes' own identity is unchanged: " + r.out());
    }

    @Test
    void theMismatchRaisesAnAlarmOnTheLine() throws Exception {
        startDevices("confirms=false,extraAt=2");
        PlatformCodes.seed(dir.resolve("data"), 40);
        try (Station station = Station.builder(new StationConfigReader().read(stationYaml())).start()) {
            DemoRun.Outcome outcome = DemoRun.run(station, SampleStation.itemJob(UNITS, LocalDate.now()),
                    DemoRun.Operator.NOBODY, 0, Duration.ofMinutes(2), "tester");
            GateCount gate = single(outcome.gates());
            assertEquals(gate.stationFires() + 1, gate.plcRejects().getAsLong(), gate.describe());
            assertTrue(gate.describe().contains("units may have been rejected without a verdict"), gate.describe());
            awaitSnapshot(station, () -> station.line().snapshot().alarms().stream()
                    .anyMatch(a -> a.cause().equals(PlcRejectCheck.MISMATCH)));
            Alarm alarm = station.line().snapshot().alarms().stream().filter(a -> a.cause().equals(PlcRejectCheck.MISMATCH)).findFirst().orElseThrow();
            assertEquals(Alarm.Severity.WARNING, alarm.severity());
            assertEquals("job " + outcome.books().orElseThrow().job() + ": " + gate.describe(), alarm.detail());
            try (PanelServer panel = station.startPanel("432100")) {
                JsonNode status = panelStatus(panel.port());
                JsonNode counts = status.get("plcRejectCounts").get(0);
                assertEquals(gate.stationFires(), counts.get("stationFires").asLong(), status.toString());
                assertEquals(gate.stationFires() + 1, counts.get("plcRejects").asLong(), status.toString());
                assertFalse(counts.get("matches").asBoolean(), status.toString());
                assertTrue(status.get("alarms").toString().contains(PlcRejectCheck.MISMATCH), status.toString());
            }
        }
    }

    /** The panel's {@code GET /status}, signed in as the first admin. */
    private static JsonNode panelStatus(int port) throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + port + PanelServer.API;
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base + "/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"9001\",\"pin\":\"432100\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, signIn.statusCode(), signIn.body());
        String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tm_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> status = client.send(HttpRequest.newBuilder(URI.create(base + "/status"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, status.statusCode(), status.body());
        return json.readTree(status.body());
    }

    @Test
    void theCountsSurviveARestartOfTheStationInTheMiddleOfTheJob() throws Exception {
        startDevices("confirms=false");
        PlatformCodes.seed(dir.resolve("data"), 60);
        int units = 40;
        String job;
        try (Station first = Station.builder(new StationConfigReader().read(stationYaml())).start()) {
            first.line().start(SampleStation.itemJob(units, LocalDate.now()), "tester");
            awaitSnapshot(first, () -> first.line().snapshot().counters().rejected() >= 2);
            job = first.line().currentJobId().orElseThrow();
        } // the station stops with the job open; its window on the gate stays open in the database
        long firedBefore = plc.fired();
        CommandRun open = CommandRun.run("reconcile", "--job", job, "--data", dir.resolve("data").toString());
        assertEquals(0, open.exit(), "an open job is not failed for its PLC count so far: " + open.out() + open.err());
        assertTrue(open.out().contains("gate gate-1: station fired " + (firedBefore - 1) + " so far; the job has not"
                + " ended"), open.out());
        reader.close();
        reader = new FakeReader(); // it serves one connection: the restarted station gets a reader of its own
        try (Station again = Station.builder(new StationConfigReader().read(stationYaml())).start()) {
            assertEquals(1, again.recovered().size(), "the job is resumed");
            DemoRun.Outcome outcome = DemoRun.run(again, null, DemoRun.Operator.NOBODY, 0, Duration.ofMinutes(2),
                    "tester");
            assertEquals(List.of(), outcome.stops());
            Reconciliation books = outcome.books().orElseThrow();
            assertTrue(books.balanced(), books.toString());
            GateCount gate = single(outcome.gates());
            assertTrue(firedBefore >= 3 && plc.fired() > firedBefore, "fires before and after the restart: "
                    + firedBefore + ", " + plc.fired());
            assertEquals(plc.fired() - 1, gate.stationFires(), "every fire but the challenge's, across both runs");
            assertTrue(gate.matches(), gate.describe());
        }
    }

    private static void awaitSnapshot(Station station, java.util.function.BooleanSupplier done) {
        LineEvents.awaitThat(station.line(), "the line's snapshot shows it", done);
    }

    private DemoRun.Outcome runJob(String plan) throws Exception {
        startDevices(plan);
        PlatformCodes.seed(dir.resolve("data"), 40);
        try (Station station = Station.builder(new StationConfigReader().read(stationYaml())).start()) {
            DemoRun.Outcome outcome = DemoRun.run(station, SampleStation.itemJob(UNITS, LocalDate.now()),
                    DemoRun.Operator.NOBODY, 0, Duration.ofMinutes(2), "tester");
            assertEquals(List.of(), outcome.stops(), "the line ran the job without a stop");
            return outcome;
        }
    }

    private static GateCount single(List<GateCount> gates) {
        assertEquals(1, gates.size(), gates.toString());
        GateCount gate = gates.get(0);
        assertEquals("gate-1", gate.gate());
        return gate;
    }

    private void startDevices(String plan) throws Exception {
        PrinterProfile profile = PrinterProfiles.load(PROFILE);
        printer = new VirtualPrinter(new VirtualPrinter.Settings("printer-1", 0, profile, 100, FaultPlan.NONE,
                new RasterRenderer(LabelTargets.of(profile), profile.printWidthDots(), profile.labelLengthDots()), null));
        printer.start();
        reader = new FakeReader();
        FrameDecoder decoder = new FrameDecoder();
        AtomicInteger labels = new AtomicInteger();
        printer.addListener(label -> {
            int n = labels.incrementAndGet();
            Optional<Decoded> read = decoder.decode(label.image().get(), Optional.empty());
            // label 1 is the challenge (rejected as a wrong code); then every 4th unit label is not read
            boolean unread = n > 1 && (n - 1) % 4 == 0;
            String line = unread ? "NOREAD" : read.map(d -> d.symbologyId() + d.data()).orElse("NOREAD");
            try {
                reader.send(line + "\r\n");
            } catch (Exception e) {
                throw new IllegalStateException("fake reader cannot send", e);
            }
        });
        plc = new VirtualPlc(VirtualPlc.Layout.STANDARD, GatePlan.parse(plan));
        plc.start(0);
    }

    private Path stationYaml() throws Exception {
        return StationYaml.withReader(printer.port(), PROFILE, reader.port(), plc.gateUri(20, 1000))
                .line("verdictTimeoutMs", 5000).line("consecutiveRejectLimit", 5).writeTo(dir);
    }
}
