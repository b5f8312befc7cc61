package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.master.MasterDataStore;
import io.tracemark.pack.CasePacking;
import io.tracemark.pack.Parent;
import io.tracemark.pack.ParentKind;
import io.tracemark.pack.ParentState;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.sim.ReaderServer;
import io.tracemark.sim.VirtualPrinter;
import io.tracemark.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packing station {@code run} builds from the {@code packing:} section of {@code station.yaml}, on local
 * devices speaking their real protocols over loopback: a fixed-mount reader at the case packer sending result
 * strings, a ZPL printer for the case labels (the virtual printer, which parses and prints what it gets) and a
 * reader over its exit that reads each printed label.
 */
class PackingStationOnLocalDevicesTest {

    @TempDir
    Path dir;

    @Test
    void unitsReadAtTheCasePackerArePackedAndEachFullCaseIsLabelledAndReadBack() throws Exception {
        var profile = PrinterProfiles.load("zt411-203");
        try (ReaderServer caseReader = new ReaderServer(0);
             DirectReader labelReader = new DirectReader(profile);
             VirtualPrinter labelPrinter = new VirtualPrinter(VirtualPrinter.Settings.instant(profile)
                     .withRenderer(labelReader).withName("case-printer"))) {
            labelPrinter.addListener(labelReader);
            labelPrinter.start();
            Path yaml = dir.resolve("station.yaml");
            Files.writeString(yaml, """
                    station: {name: pack-line, data: data, templates: %s}
                    printers: [{name: printer-1, uri: "tcp://127.0.0.1:9", profile: zt411-203}]
                    scanners: [{name: camera-1, uri: "tcp://127.0.0.1:9", profile: generic}]
                    rejectGates: [{name: gate-1, uri: "tcp://127.0.0.1:9"}]
                    packing:
                      caseSize: 4
                      casesPerPallet: 2
                      sscc: {companyPrefix: "6901234", extensionDigit: 1, first: 100, last: 199}
                      caseReader: {name: case-reader, uri: "tcp://127.0.0.1:%d", profile: generic}
                      labelPrinter: {name: case-printer, uri: "%s", profile: zt411-203}
                      labelReader: {name: case-label-reader, uri: "%s", profile: generic}
                    """.formatted(Path.of("templates").toAbsolutePath(), caseReader.port(), labelPrinter.uri(),
                    labelReader.uri()));
            StationConfig config = new StationConfigReader().read(yaml);
            try (Database db = Database.open(config.dataDir())) {
                List<String> codes = verifiedUnits(db, 9);
                MasterDataStore master = new MasterDataStore(db, new io.tracemark.store.AuditLog(db));
                try (PackingStation station = PackingStation.build(config, db, db, master, null)) {
                    station.start();
                    assertTrue(caseReader.awaitClients(1, Duration.ofSeconds(30)), "the station connects to the case reader");
                    for (int i = 0; i < codes.size(); i++) {
                        caseReader.publish(ReaderServer.readLine(i + 1, "", codes.get(i)));
                    }
                    caseReader.publish(ReaderServer.readLine(10, "", codes.get(0))); // the same unit read again
                    CasePacking.Counts counts = station.packing().awaitCounts(c -> c.reads() == 10, Duration.ofSeconds(60));
                    assertEquals(9, counts.packed(), counts.toString());
                    assertEquals(1, counts.refused(), counts.toString());
                    assertTrue(counts.lastRefusal().orElseThrow().contains("is in case"), counts.toString());
                    assertEquals(2, counts.casesClosed());
                    assertEquals(1, counts.palletsClosed(), "two cases fill a pallet");
                    assertEquals(3, counts.labelsVerified(), "two case labels and a pallet label read back: " + counts);

                    counts = station.packing().closePartial("supervisor", "batch end", true, Duration.ofSeconds(60));
                    assertEquals(3, counts.casesClosed());
                    assertEquals(5, counts.labelsVerified(), counts.toString());
                    Parent last = station.aggregation().caseOf(codes.get(8)).orElseThrow();
                    assertEquals(ParentState.CLOSED, last.state());
                    assertEquals(Optional.of("VERIFIED"), last.labelState());
                    assertEquals(1, last.children());
                    assertTrue(last.sscc().digits().startsWith("16901234"), last.sscc().digits());
                    assertEquals(ParentKind.CASE, last.kind());
                    assertTrue(station.aggregation().accounting("J1").balanced());
                    assertEquals(9, station.aggregation().accounting("J1").packed());
                }
            }
            assertEquals(5, labelPrinter.printedCount(), "one label per parent, none printed twice");
        }
    }

    /** A job of {@code n} units printed and verified, as the line leaves them. */
    static List<String> verifiedUnits(Database db, int n) {
        CodeLedger ledger = new CodeLedger(db);
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            codes.add("(01)06901234000016(21)PACK" + i);
        }
        ledger.importCodes(codes, "test", "gs1", code -> Optional.empty(), "test");
        ledger.createJob("J1", TraceLevel.ITEM, n, "test");
        ledger.allocate("J1", n, "test");
        for (String code : codes) {
            Unit unit = ledger.markSent("J1", code, "line");
            ledger.verify(unit.id(), "A", "camera");
        }
        return codes;
    }
}
