package io.tracemark.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.store.Database;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recall queries start from an index and reach units, their case links and their shipments by key: no step of
 * any plan scans a whole table ({@code EXPLAIN QUERY PLAN} on the station's schema), so a recall's cost follows
 * the units it finds, not the millions the ledger holds.
 */
class RecallPlanTest {

    @TempDir
    Path dir;

    private static final Map<String, String> QUERIES = Map.of(
            "batch", RecallQuery.BY_BATCH,
            "product", RecallQuery.BY_PRODUCT,
            "code", RecallQuery.BY_CODE,
            "case", RecallQuery.BY_CASE,
            "pallet", RecallQuery.BY_PALLET,
            "job", RecallQuery.JOB,
            "case details", RecallQuery.CASE,
            "shipment", RecallQuery.SHIPMENT);

    /** The queries of one row each (a job's details, a case's SSCCs, a shipment), the others reach units. */
    private static final java.util.Set<String> LOOKUPS = java.util.Set.of("job", "case details", "shipment");

    @Test
    void everyRecallQuerySearchesByIndexAndScansNoTable() {
        try (Database db = Database.open(dir)) {
            List<String> wrong = new ArrayList<>();
            QUERIES.forEach((name, sql) -> {
                List<String> plan = plan(db, sql);
                assertTrue(LOOKUPS.contains(name) || plan.stream().anyMatch(s -> s.startsWith("SEARCH u ")), name + ": " + plan);
                for (String step : plan) {
                    if (step.startsWith("SCAN")) {
                        wrong.add(name + ": " + step + " in " + plan);
                    }
                    if (step.startsWith("SEARCH") && !step.contains("USING")) {
                        wrong.add(name + ": a search without an index: " + step);
                    }
                }
            });
            assertEquals(List.of(), wrong);
            List<String> batch = plan(db, RecallQuery.BY_BATCH);
            assertTrue(batch.contains("SEARCH d USING INDEX job_details_by_batch (batch=?)"), batch.toString());
            assertTrue(batch.stream().anyMatch(s -> s.matches("SEARCH u USING INDEX sqlite_autoindex_units_1 \\(job_id=\\?\\)")),
                    batch.toString());
            assertTrue(batch.contains("SEARCH l USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN"), batch.toString());
            assertTrue(batch.contains("SEARCH su USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN"), batch.toString());
        }
    }

    @Test
    void theCheckSeesAScan() {
        try (Database db = Database.open(dir)) {
            assertTrue(plan(db, "SELECT * FROM units WHERE grade = 'A'").stream().anyMatch(s -> s.startsWith("SCAN units")));
        }
    }

    private static List<String> plan(Database db, String sql) {
        return db.read(conn -> {
            List<String> steps = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                for (int i = 1; i <= sql.chars().filter(c -> c == '?').count(); i++) {
                    ps.setString(i, "x");
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        steps.add(rs.getString("detail"));
                    }
                }
            }
            return steps;
        });
    }
}
