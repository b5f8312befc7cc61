package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.codes.Gs1Key;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --pack 20}: the virtual line's packing station reads the units at the case packer, the station
 * packs the verified ones into cases of 20 and the cases onto pallets, prints each SSCC label on the case-label
 * printer and reads it back; the books show every verified unit packed.
 */
class DemoPackTest {

    @TempDir
    Path dir;

    @Test
    void demoPackPacksEveryVerifiedUnitIntoLabelledCasesOnAPallet() throws Exception {
        CommandRun r = run("demo", "--units", "50", "--pack", "20", "--exit-when-done", "--json", "--data", dir.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JsonOutput.mapper().readTree(r.out());
        JsonNode packing = doc.get("packing");
        assertEquals(50, doc.get("verified").asLong(), r.out());
        assertEquals(50, packing.get("packed").asLong(), r.out());
        assertEquals(0, packing.get("loose").asLong(), r.out());
        assertTrue(packing.get("balanced").asBoolean(), r.out());
        assertEquals(3, packing.get("cases").asLong(), "20 + 20 + a partial 10, " + r.out());
        assertEquals(1, packing.get("pallets").asLong(), r.out());
        assertEquals(4, packing.get("caseLabelsVerified").asLong(), r.out());
        assertEquals(doc.get("rejected").asLong(), packing.get("refused").asLong() - 1,
                "the rejected units and the challenge label are refused at the packer: " + r.out());

        try (Database db = Database.open(dir)) {
            List<String> ssccs = List.of(db.count("SELECT count(*) FROM parents WHERE label_state = 'VERIFIED' AND state = 'CLOSED'") + "");
            assertEquals("[4]", ssccs.toString(), "3 cases and the pallet, closed, their labels read back");
            assertEquals(0, db.count("SELECT count(*) FROM parents WHERE length(sscc) <> 18"));
            db.read(conn -> {
                try (var rs = conn.createStatement().executeQuery("SELECT sscc FROM parents")) {
                    while (rs.next()) {
                        assertTrue(Gs1Key.SSCC.isValid(rs.getString(1)), rs.getString(1));
                    }
                }
                return null;
            });
            assertEquals(3, db.count("SELECT count(*) FROM parents WHERE kind = 'CASE' AND pallet_id IS NOT NULL"));
            assertEquals(List.of(20L, 20L, 10L), db.read(conn -> {
                List<Long> sizes = new java.util.ArrayList<>();
                try (var rs = conn.createStatement().executeQuery("SELECT (SELECT count(*) FROM pack_links l "
                        + "WHERE l.parent_id = p.id) FROM parents p WHERE kind = 'CASE' ORDER BY id")) {
                    while (rs.next()) {
                        sizes.add(rs.getLong(1));
                    }
                }
                return sizes;
            }));
            assertEquals(2, db.count("SELECT count(*) FROM audit_log WHERE action = 'pack.close-partial' AND actor = 'demo-supervisor'"),
                    "the partial case (10 of 20) and the partial pallet (3 of 5) closed by a supervisor");
            assertEquals(0, db.count("SELECT count(*) FROM pack_links l JOIN units u ON u.id = l.unit_id WHERE u.state <> 'VERIFIED'"));
        }
    }
}
