package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.codes.ElementString;
import io.tracemark.core.InvalidInputException;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.sim.VirtualLine;
import io.tracemark.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The world around a station for process tests: the reference platform ({@code platform}) and the
 * virtual line ({@code virtual-line}) each in a JVM of its own on free loopback ports, the shipped
 * {@code station-virtual.yaml} pointed at them, a job file, and the checks every test makes on the
 * station's ledger, the labels the virtual printer printed, and the platform's records.
 */
final class VirtualPlant implements AutoCloseable {

    static final String PRODUCT = "P-KETTLE";
    static final Map<String, String> ADMIN_PIN = Map.of("TRACEMARK_ADMIN_PIN", "999999");

    final Path dir;
    final ChildJvm platform;
    final ChildJvm line;
    final JsonNode platformDoc;
    final JsonNode lineDoc;
    final Path stationData;
    final Path lineOut;

    VirtualPlant(Path dir, String faults) throws Exception {
        this(dir, faults, "input");
    }

    /** @param modbusConfirm how the virtual line's PLC confirms rejects ({@code virtual-line --modbus-confirm}) */
    VirtualPlant(Path dir, String faults, String modbusConfirm) throws Exception {
        this(dir, faults, modbusConfirm, null);
    }

    /**
     * @param platformUrl where the station's platform is (a site, a platform started elsewhere), or
     *                    null to start the reference platform as a process of this plant
     */
    VirtualPlant(Path dir, String faults, String modbusConfirm, java.net.URI platformUrl) throws Exception {
        this.dir = dir;
        this.stationData = dir.resolve("station");
        this.lineOut = dir.resolve("virtual-line");
        this.platform = platformUrl != null ? null : ChildJvm.start(dir, "platform", Map.of(), "platform", "--port", "0",
                "--data", dir.resolve("platform").toString(), "--json");
        this.line = ChildJvm.start(dir, "virtual-line", Map.of(), "virtual-line", "--printer-port", "0",
                "--scanner-port", "0", "--gate-port", "0", "--image-port", "0", "--modbus-port", "0", "--modbus-confirm", modbusConfirm, "--faults", faults,
                "--seed", "3",
                "--out", lineOut.toString(), "--json");
        this.platformDoc = platform != null ? platform.awaitJson(Duration.ofSeconds(90))
                : new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("url", platformUrl.toString());
        this.lineDoc = line.awaitJson(Duration.ofSeconds(90));
    }

    /**
     * The shipped station-virtual.yaml with the ports this plant bound, a free panel port and this
     * test's data directory; with {@code images} the job's scanner is the camera's MJPEG stream
     * (the station decodes the frames itself) instead of the reader's result strings.
     */
    Path stationYaml(boolean images) throws Exception {
        return stationYaml(Path.of("station-virtual.yaml"), images);
    }

    /** As {@link #stationYaml(boolean)}, from another shipped file ({@code station-virtual-modbus.yaml}). */
    Path stationYaml(Path shipped, boolean images) throws Exception {
        String yaml = Files.readString(shipped, StandardCharsets.UTF_8)
                .replace("tcp://127.0.0.1:9100", "tcp://127.0.0.1:" + lineDoc.get("printerPort").asInt())
                .replaceAll("modbus-tcp://127\\.0\\.0\\.1:9104\\S*", lineDoc.get("modbusGate").asText())
                .replace("tcp://127.0.0.1:9102", "tcp://127.0.0.1:" + lineDoc.get("gatePort").asInt())
                .replace("http://127.0.0.1:8080", platformDoc.get("url").asText())
                .replace("port: 7070", "port: 0")
                .replace("data: data-virtual", "data: " + stationData)
                .replace("templates: templates", "templates: " + Path.of("templates").toAbsolutePath());
        yaml = images
                ? yaml.replace("uri: tcp://127.0.0.1:9101", "uri: http://127.0.0.1:" + lineDoc.get("imagePort").asInt()
                        + "/mjpeg")
                : yaml.replace("tcp://127.0.0.1:9101", "tcp://127.0.0.1:" + lineDoc.get("scannerPort").asInt());
        String name = shipped.getFileName().toString().replace("station-virtual", "station");
        Path file = dir.resolve(images ? name.replace("station", "station-images") : name);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /** What {@link #runJob} printed and how it exited. */
    record JobRun(JsonNode doc, int exit, String stderr) {
    }

    /** {@code run --config yaml --job (units) --exit-when-done --json} as a process of its own, to its end. */
    JobRun runJob(Path yaml, int units) throws Exception {
        try (ChildJvm station = ChildJvm.start(dir, "station", ADMIN_PIN, "run", "--config", yaml.toString(), "--job",
                jobFile(units).toString(), "--exit-when-done", "--json")) {
            JsonNode doc = station.awaitJson(Duration.ofMinutes(5));
            return new JobRun(doc, station.awaitExit(Duration.ofMinutes(1)), station.stderr());
        }
    }

    /** A job of the sample kettle for the station's printer-1 and camera-1, as the panel would send it. */
    Path jobFile(int quantity) throws Exception {
        LocalDate today = LocalDate.now();
        Path file = dir.resolve("job.json");
        Files.writeString(file, "{\"productId\":\"" + PRODUCT + "\",\"batch\":\"B" + today.toString().replace("-", "")
                + "\",\"productionDate\":\"" + today + "\",\"expiryDate\":\"" + today.plusYears(2)
                + "\",\"traceLevel\":\"ITEM\",\"scheme\":\"gs1\",\"template\":\"item-gs1-datamatrix\","
                + "\"printer\":\"printer-1\",\"scanner\":\"camera-1\",\"quantity\":" + quantity
                + ",\"minimumGrade\":\"C\"}", StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The symbol data of every unit label the virtual printer printed, in order; challenge labels
     * (the deliberately wrong label of the challenge test, serial {@code CHK…}) are left out.
     */
    List<String> printedCodes() throws Exception {
        Path log = lineOut.resolve(VirtualLine.PRINTED_LOG);
        List<String> codes = new ArrayList<>();
        if (!Files.exists(log)) {
            return codes;
        }
        for (String row : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int tab = row.indexOf('\t');
            if (tab > 0 && tab < row.length() - 1) {
                String code = ElementString.parseRaw(row.substring(tab + 1), ElementString.GS).toBracketed();
                if (!code.contains("(21)CHK")) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    /**
     * The books after a kill or at the end: every printed label is a code the ledger has at SENT or
     * later, no code printed twice, none verified twice, the identity holds for every job.
     *
     * @return the station's reconciliation of every job
     */
    List<Reconciliation> assertBooks(String when) throws Exception {
        List<String> printed = printedCodes();
        Set<String> seen = new HashSet<>();
        for (String code : printed) {
            assertTrue(seen.add(code), when + ": code printed twice: " + code);
        }
        try (Database db = Database.open(stationData)) {
            Map<String, String> states = new HashMap<>();
            db.read(conn -> {
                try (Statement s = conn.createStatement();
                     ResultSet rs = s.executeQuery("SELECT code, state FROM codes")) {
                    while (rs.next()) {
                        states.put(canonical(rs.getString(1)), rs.getString(2));
                    }
                }
                return null;
            });
            for (String code : printed) {
                String state = states.get(code);
                assertTrue(state != null && Set.of("SENT", "VERIFIED", "REJECTED", "VOIDED").contains(state),
                        when + ": printed label " + code + " is " + state + " in the ledger, not SENT or later");
            }
            assertEquals(0, db.count("SELECT count(*) FROM (SELECT code_id FROM units WHERE state = 'VERIFIED'"
                    + " GROUP BY code_id HAVING count(*) > 1)"), when + ": a code verified twice");
            assertEquals(0, db.count("SELECT count(*) FROM (SELECT code_id FROM units GROUP BY code_id"
                    + " HAVING count(*) > 1)"), when + ": a code sent twice");
            List<Reconciliation> books = new CodeLedger(db).reconcileAll();
            for (Reconciliation r : books) {
                assertTrue(r.balanced(), when + ": identity " + r);
                assertEquals(0, r.duplicates(), when + ": duplicates " + r);
            }
            return books;
        }
    }

    /** A GS1 code in bracketed form (as printed labels are compared); other codes as they are. */
    private static String canonical(String code) {
        try {
            return ElementString.parse(code).toBracketed();
        } catch (InvalidInputException notGs1) {
            return code;
        }
    }

    /** Units with a verdict (each is one event for the platform) and codes taken from platform ranges. */
    long ledgerCount(String sql) {
        try (Database db = Database.open(stationData)) {
            return db.count(sql);
        }
    }

    /** A count from the platform's own database (read-only). */
    long platformCount(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + dir.resolve("platform").resolve("platform.db")
                + "?mode=ro", new java.util.Properties());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /**
     * Every unit's event reached the platform exactly once: as many events as units with a verdict,
     * one per code, and the platform holds the day's quantity of verified units.
     */
    void assertPlatformHasEveryUnitOnce(long verified) throws Exception {
        long verdicts = ledgerCount("SELECT count(*) FROM units WHERE state IN ('VERIFIED','REJECTED','VOIDED')");
        assertEquals(verdicts, platformCount("SELECT count(*) FROM events WHERE type IN ('VERIFIED','REJECTED','VOIDED')"),
                "platform events = ledger verdicts");
        assertEquals(0, platformCount("SELECT count(*) FROM (SELECT code FROM events GROUP BY code HAVING count(*) > 1)"),
                "one event per code");
        assertEquals(verified, platformCount("SELECT sum(quantity) FROM daily_quantity_reports WHERE product_id = '" + PRODUCT
                + "' AND day = '" + LocalDate.now() + "'"), "daily quantity on the platform");
        assertEquals(0, ledgerCount("SELECT count(*) FROM units u JOIN codes c ON c.id = u.code_id JOIN code_packages p"
                + " ON p.id = c.package_id WHERE p.file_name NOT LIKE 'platform:%'"),
                "every unit's code was pulled from the platform");
    }

    @Override
    public void close() throws Exception {
        try {
            line.close();
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }
}
