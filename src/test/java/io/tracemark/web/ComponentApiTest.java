package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.codes.CodeSchemes;
import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.master.MasterDataImport;
import io.tracemark.master.MasterDataStore;
import io.tracemark.pack.Aggregation;
import io.tracemark.pack.ComponentLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 组合多码 component links over the API (contract-checked): an operator scans an e-bike's components in; every
 * refusal is a 409 with the rule's key and params; a supervisor replaces and unlinks with a reason.
 */
class ComponentApiTest {

    private final TestStation station = new TestStation();
    private final ApiClient supervisor = station.signedIn("2001", "234567");
    private final ApiClient operator = station.signedIn("1001", "1234");

    @AfterEach
    void stop() {
        station.close();
    }

    @Test
    void componentsAreLinkedByScanAndEachRefusalHasItsKeyAndParams() {
        MasterDataStore master = new MasterDataStore(station.db, station.auditLog);
        new MasterDataImport(master).importFile(Path.of("master-data.yaml"), "test");
        List<String> bikes = units("JB", "P-EBIKE", "(01)06901234000023(21)BIKE", 2);
        List<String> batteries = units("JBAT", "P-BATTERY", "(01)06901234000030(21)BAT", 2);
        ComponentLinks links = new ComponentLinks(station.db, station.db, Clock.systemUTC(), master, CodeSchemes.standard());
        station.server.usePacking(new PackingDesk(new Aggregation(station.db), Optional.empty(), 6, Optional.empty(),
                Optional.of(links)));
        String bike = "/components/units/" + URLEncoder.encode(bikes.get(0), StandardCharsets.UTF_8);

        JsonNode unit = operator.get(bike).json();
        assertEquals(3, unit.get("roles").asInt());
        assertEquals(0, unit.get("linked").asInt());
        assertEquals("frame", unit.get("components").get(0).get("role").asText());
        JsonNode linked = operator.post(bike + "/links", Map.of("code", "010690123400004721FR0001")).json();
        assertEquals("(01)06901234000047(21)FR0001", linked.get("components").get(0).get("code").asText());
        operator.post(bike + "/links", Map.of("code", batteries.get(0)));

        refused(operator.post(bike + "/links", Map.of("code", batteries.get(0))), "pack.SCANNED_TWICE", "code", batteries.get(0));
        refused(operator.post(bike + "/links", Map.of("code", batteries.get(1))), "pack.ROLE_FILLED", "role", "battery");
        refused(operator.post(bike + "/links", Map.of("code", bikes.get(1))), "pack.WRONG_ROLE", "product", "P-EBIKE");
        refused(operator.post(bike + "/links", Map.of("code", "(01)06901234000054(21)CH1", "role", "battery")),
                "pack.WRONG_ROLE", "role", "battery");
        refused(operator.post("/components/units/NOPE/links", Map.of("code", batteries.get(1))), "pack.UNKNOWN_CODE", "code", "NOPE");
        refused(operator.get("/components/units/" + URLEncoder.encode(batteries.get(1), StandardCharsets.UTF_8)),
                "pack.NOT_COMBINED", "product", "P-BATTERY");
        assertEquals(403, operator.post(bike + "/unlink", Map.of("role", "battery", "reason", "x")).status());
        refused(supervisor.post(bike + "/unlink", Map.of("role", "charger", "reason", "wrong part")), "pack.NOT_LINKED",
                "role", "charger");

        JsonNode replaced = supervisor.post(bike + "/replace", Map.of("role", "battery", "code", batteries.get(1),
                "reason", "damaged cell")).json();
        assertEquals(batteries.get(1), replaced.get("components").get(1).get("code").asText());
        JsonNode complete = operator.post(bike + "/links", Map.of("code", "(01)06901234000054(21)CH1")).json();
        assertTrue(complete.get("complete").asBoolean());
        refused(operator.post(bike + "/links", Map.of("code", batteries.get(0))), "pack.UNIT_COMPLETE", "unit", bikes.get(0));
        assertEquals(1, station.db.count("SELECT count(*) FROM audit_log WHERE actor = '2001' AND action = 'component.replace'"));
        assertEquals(4, station.db.count("SELECT count(*) FROM component_events WHERE action = 'LINK'"));
    }

    private static void refused(ApiClient.Response r, String key, String param, String value) {
        assertEquals(409, r.status(), r.text());
        assertEquals(key, r.json().get("key").asText(), r.text());
        assertEquals(value, r.json().get("params").get(param).asText(), r.text());
    }

    private List<String> units(String job, String product, String prefix, int n) {
        CodeLedger ledger = new CodeLedger(station.db);
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            codes.add(prefix + i);
        }
        ledger.importCodes(codes, "test " + job, "gs1", code -> Optional.empty(), "test");
        ledger.createJob(job, TraceLevel.COMBINED, n, "test");
        station.db.inTransaction(conn -> {
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
