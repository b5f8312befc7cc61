package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.ledger.Reconciliation;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.sim.CameraSettings;
import io.tracemark.sim.DegradationMix;
import io.tracemark.sim.FaultPlan;
import io.tracemark.sim.FrameServer;
import io.tracemark.sim.GatePlan;
import io.tracemark.sim.GateServer;
import io.tracemark.sim.ReaderServer;
import io.tracemark.sim.VirtualLine;
import io.tracemark.sim.VirtualPrinter;
import io.tracemark.sim.VirtualReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot camera ({@code http://…/snapshot?mode=snapshot}) is asked for one frame per printed label,
 * when the printer confirms the label, and never polled: the virtual line's printer, camera and gate in
 * this process, its {@link FrameServer} on loopback answering {@code GET /snapshot}, the station decoding
 * each snapshot itself.
 */
class SnapshotCameraTest {

    private static final String PROFILE = "zt411-203";
    private static final int UNITS = 12;

    @TempDir
    Path dir;

    @Test
    void oneSnapshotPerPrintedLabelAndTheJobBalances() throws Exception {
        PrinterProfile profile = PrinterProfiles.load(PROFILE);
        VirtualLine line = new VirtualLine(new VirtualLine.Settings(new VirtualPrinter.Settings("virtual-printer", 0,
                profile, 0, FaultPlan.NONE, RasterRenderer.of(profile), null), CameraSettings.standard(),
                DegradationMix.none(), 5, GatePlan.NONE, 200, null));
        try (line; ReaderServer results = new ReaderServer(0); GateServer gate = new GateServer(line.gate(), 0);
             FrameServer frames = new FrameServer(0);
             VirtualReader camera = new VirtualReader(line.camera(), results, frames)) {
            int printerPort = line.start();
            camera.start();
            PlatformCodes.seed(dir.resolve("data"), 40);
            Path yaml = StationYaml.withCamera(printerPort, PROFILE, "http://127.0.0.1:" + frames.port()
                    + "/snapshot?mode=snapshot&timeoutMs=5000", "tcp://127.0.0.1:" + gate.port()
                    + "?confirm=OK%20%7Bunit%7D&timeoutMs=2000").line("verdictTimeoutMs", 10000).writeTo(dir);
            try (Station station = Station.builder(new StationConfigReader().read(yaml)).start()) {
                assertEquals(0, frames.snapshots(), "nothing is fetched before a label is printed");
                DemoRun.Outcome outcome = DemoRun.run(station, SampleStation.itemJob(UNITS, LocalDate.now()),
                        DemoRun.Operator.NOBODY, 0, Duration.ofMinutes(2), "tester");
                assertEquals(List.of(), outcome.stops(), "the job ran without a stop");
                Reconciliation books = outcome.books().orElseThrow();
                assertEquals(UNITS, books.verified(), books.toString());
                assertTrue(books.balanced() && books.duplicates() == 0, books.toString());
                long printed = line.printer().printedCount();
                assertEquals(UNITS + 1, printed, "the job's labels and the challenge label");
                assertEquals(printed, frames.snapshots(), "one snapshot request per printed label, no polling");
            }
        }
    }
}
