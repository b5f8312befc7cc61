package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.codes.CodeSchemes;
import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.master.MasterDataImport;
import io.tracemark.master.MasterDataStore;
import io.tracemark.pack.ComponentScan;
import io.tracemark.sim.ReaderServer;
import io.tracemark.store.AuditLog;
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
 * The 组合多码 component scan station {@code run} builds from the {@code components:} section of
 * {@code station.yaml}: a reader over TCP on loopback sends result strings (the e-bike's code, then its frame,
 * battery and charger codes), and each component is linked to the e-bike's code; a repeat and a stray read are
 * refused and counted. {@code run --check} checks the section without opening the reader.
 */
class ComponentStationOnLocalDevicesTest {

    static final String FRAME = "(01)06901234000047(21)FR0001";
    static final String CHARGER_RAW = "010690123400005421CH0001";

    @TempDir
    Path dir;

    private Path yaml(String readerUri) throws Exception {
        Path yaml = dir.resolve("station.yaml");
        Files.writeString(yaml, """
                station: {name: bike-line, data: data, templates: %s}
                printers: [{name: printer-1, uri: "tcp://127.0.0.1:9", profile: zt411-203}]
                scanners: [{name: camera-1, uri: "tcp://127.0.0.1:9", profile: generic}]
                rejectGates: [{name: gate-1, uri: "tcp://127.0.0.1:9"}]
                components:
                  reader: {name: component-reader, uri: "%s", profile: generic}
                """.formatted(Path.of("templates").toAbsolutePath(), readerUri));
        return yaml;
    }

    @Test
    void runCheckNamesABadReaderAndPassesAGoodOne() throws Exception {
        assertTrue(StationCheck.of(yaml("tcp://127.0.0.1:5023")).ok(), StationCheck.of(yaml("tcp://127.0.0.1:5023")).problems().toString());
        StationCheck bad = StationCheck.of(yaml("carrier-pigeon://loft"));
        assertFalse(bad.ok());
        assertTrue(bad.problems().stream().anyMatch(p -> p.where().equals("components.reader.uri")), bad.problems().toString());
        Files.writeString(dir.resolve("station.yaml"), Files.readString(dir.resolve("station.yaml"))
                .replace("profile: generic}\n", "profile: generic, colour: red}\n"));
        assertTrue(StationCheck.of(dir.resolve("station.yaml")).problems().stream()
                .anyMatch(p -> p.where().contains("colour")), "an unknown key is named");
    }

    @Test
    void componentsReadAtTheScanStationAreLinkedToTheProductUnit() throws Exception {
        try (ReaderServer reader = new ReaderServer(0)) {
            StationConfig config = new StationConfigReader().read(yaml("tcp://127.0.0.1:" + reader.port()));
            try (Database db = Database.open(config.dataDir())) {
                MasterDataStore master = new MasterDataStore(db, new AuditLog(db));
                new MasterDataImport(master).importFile(Path.of("master-data.yaml"), "test");
                List<String> bikes = units(db, "JB", "P-EBIKE", "(01)06901234000023(21)BIKE", 2);
                List<String> batteries = units(db, "JBAT", "P-BATTERY", "(01)06901234000030(21)BAT", 2);
                try (ComponentScanStation station = ComponentScanStation.build(config, db, db, master, CodeSchemes.standard())) {
                    station.start();
                    assertTrue(reader.awaitClients(1, Duration.ofSeconds(30)), "the station connects to the reader");
                    List<String> reads = List.of(bikes.get(0), FRAME, batteries.get(0), FRAME, CHARGER_RAW, batteries.get(1));
                    for (int i = 0; i < reads.size(); i++) {
                        reader.publish(ReaderServer.readLine(i + 1, "", reads.get(i)));
                    }
                    ComponentScan.Counts counts = station.scan().awaitCounts(c -> c.reads() == 6, Duration.ofSeconds(30));
                    assertEquals(1, counts.units(), counts.toString());
                    assertEquals(3, counts.linked(), counts.toString());
                    assertEquals(1, counts.completed(), counts.toString());
                    assertEquals(2, counts.refused(), "the frame read twice, a battery with no unit to go to: " + counts);
                    assertEquals(Optional.of("pack.NOT_COMBINED"), counts.lastKey());
                    var unit = station.links().unit(bikes.get(0));
                    assertTrue(unit.complete());
                    assertEquals(Optional.of(FRAME), unit.slot("frame").orElseThrow().component());
                    assertEquals(Optional.of(batteries.get(0)), unit.slot("battery").orElseThrow().component());
                    assertEquals(Optional.of("(01)06901234000054(21)CH0001"), unit.slot("charger").orElseThrow().component());
                    assertEquals(3, db.count("SELECT count(*) FROM component_events WHERE action = 'LINK' AND job_id = 'JB' "
                            + "AND actor = 'component-station'"));
                }
            }
        }
    }

    /** A job of {@code product} whose {@code n} units are printed and verified. */
    static List<String> units(Database db, String job, String product, String prefix, int n) {
        CodeLedger ledger = new CodeLedger(db);
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            codes.add(prefix + i);
        }
        ledger.importCodes(codes, "test " + job, "gs1", code -> Optional.empty(), "test");
        ledger.createJob(job, TraceLevel.COMBINED, n, "test");
        db.inTransaction(conn -> {
            try (var ps = conn.prepareStatement("INSERT INTO job_details (job_id, product_id, batch, production_date, "
                    + "scheme, template, printer, scanner, minimum_grade, started_by) VALUES (?, ?, 'B1', '2026-12-01', "
                    + "'gs1', 't', 'p', 's', 'C', 'x')")) {
                ps.setString(1, job);
                ps.setString(2, product);
                ps.executeUpdate();
            }
            return null;
        });
        ledger.allocate(job, n, "test");
        for (String code : codes) {
            Unit unit = ledger.markSent(job, code, "line");
            ledger.verify(unit.id(), "A", "camera");
        }
        return codes;
    }
}
