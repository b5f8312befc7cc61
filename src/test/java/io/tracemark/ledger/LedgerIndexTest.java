package io.tracemark.ledger;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.store.Database;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partial indexes of migrations V4 and V11 hold only the rows their queries look for; a query that
 * stopped matching its index's condition would scan whole tables (a million codes) unnoticed.
 */
class LedgerIndexTest {

    @TempDir
    Path dir;

    @Test
    void ledgerQueriesUseTheirIndexes() {
        try (Database db = Database.open(dir)) {
            assertUses(db, "codes_allocated_by_job", "SELECT id FROM codes WHERE job_id = ? AND state = 'ALLOCATED' ORDER BY id");
            assertUses(db, "codes_allocated_by_job", "SELECT count(*) FROM codes WHERE job_id = ? AND state = 'ALLOCATED'");
            assertUses(db, "units_in_flight", "SELECT id FROM units WHERE job_id = ? AND state = 'SENT' ORDER BY seq");
            assertUses(db, "transitions_allocated", "SELECT count(*) FROM transitions WHERE job_id = ? "
                    + "AND from_state = 'AVAILABLE' AND to_state = 'ALLOCATED'");
            assertUses(db, "transitions_released", "SELECT count(*) FROM transitions WHERE job_id = ? "
                    + "AND from_state = 'ALLOCATED' AND to_state = 'AVAILABLE'");
            assertUses(db, "codes_available", "SELECT id, code, scheme FROM codes WHERE state = 'AVAILABLE' AND scheme = ?"
                    + " ORDER BY id LIMIT ?");
            assertUses(db, "codes_available", "SELECT c.id, c.code, c.scheme FROM codes c JOIN code_packages p"
                    + " ON p.id = c.package_id WHERE c.state = 'AVAILABLE' AND c.scheme = ?"
                    + " AND (p.product_id = ? OR p.product_id IS NULL) ORDER BY c.id LIMIT ?");
            assertUses(db, "codes_available", "SELECT count(*) FROM codes WHERE scheme = ? AND state = 'AVAILABLE'");
            assertUses(db, "codes_available", "SELECT count(*) FROM codes WHERE state = 'AVAILABLE'");
            assertUses(db, "codes_available", "SELECT count(*) FROM codes c JOIN code_packages p ON p.id = c.package_id"
                    + " WHERE c.state = 'AVAILABLE' AND substr(p.file_name, 1, ?) = ?");
            assertUses(db, "units_by_code", "SELECT u.id FROM units u JOIN codes c ON c.id = u.code_id"
                    + " WHERE c.code = ? AND u.state = 'SENT' ORDER BY u.id LIMIT 1");
            assertUses(db, "outbox_unsent", "SELECT id, topic, idempotency_key, payload, created_at, attempts FROM outbox"
                    + " WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?");
            assertUses(db, "outbox_unsent", "SELECT count(*), min(created_at) FROM outbox WHERE sent_at IS NULL");
            assertUses(db, "sqlite_autoindex_units_1", "SELECT count(*), total(state = 'VERIFIED') FROM units WHERE job_id = ?");
        }
    }

    private static void assertUses(Database db, String index, String sql) {
        String plan = db.read(conn -> {
            StringBuilder text = new StringBuilder();
            try (PreparedStatement ps = conn.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                    ps.setObject(i, 1);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        text.append(rs.getString("detail")).append('\n');
                    }
                }
            }
            return text.toString();
        });
        assertTrue(plan.contains("INDEX " + index + " ") || plan.contains("INDEX " + index + "\n"), sql + " should use " + index + ", plan:\n" + plan);
    }
}
