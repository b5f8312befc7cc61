package io.tracemark.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TraceLevel;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Allocation by product: a job never gets the codes of a package activated for another product. */
class ProductAllocationTest {

    @TempDir
    Path dir;

    @Test
    void kettleJobGetsOnlyKettleCodesThoughHelmetCodesAreOlder() {
        try (Database db = Database.open(dir)) {
            CodeLedger ledger = new CodeLedger(db);
            ledger.importCodes(Ledgers.codes(1, 30), "platform:helmet:R1", "tm", "helmet", Ledgers.TM_CODES, Ledgers.ACTOR);
            ledger.importCodes(Ledgers.codes(100, 20), "platform:kettle:R2", "tm", "kettle", Ledgers.TM_CODES, Ledgers.ACTOR);
            ledger.createJob("K", TraceLevel.ITEM, 20, Ledgers.ACTOR);

            List<String> got = ledger.allocate("K", 20, "tm", "kettle", Ledgers.ACTOR).stream().map(AllocatedCode::code).toList();
            assertEquals(Ledgers.codes(100, 20), got, "the kettle range, oldest first, not the older helmet codes");

            LedgerException none = assertThrows(LedgerException.class, () -> ledger.allocate("K", 1, "tm", "kettle", Ledgers.ACTOR));
            assertTrue(none.getMessage().contains("for product kettle, only 0 AVAILABLE"), none.getMessage());
            assertEquals(30, db.count("SELECT count(*) FROM codes WHERE state = 'AVAILABLE'"), "helmet codes untouched");
            assertEquals(1, ledger.allocate("K", 1, "tm", Ledgers.ACTOR).size(), "without a product: any code");
        }
    }

    @Test
    void packagesImportedWithoutAProductServeEveryProduct() {
        try (Database db = Database.open(dir)) {
            CodeLedger ledger = new CodeLedger(db);
            ledger.importCodes(Ledgers.codes(1, 5), "manual.txt", "tm", Ledgers.TM_CODES, Ledgers.ACTOR);
            ledger.importCodes(Ledgers.codes(10, 5), "platform:helmet:R1", "tm", "helmet", Ledgers.TM_CODES, Ledgers.ACTOR);
            ledger.createJob("K", TraceLevel.ITEM, 5, Ledgers.ACTOR);
            assertEquals(Ledgers.codes(1, 5), ledger.allocate("K", 5, "tm", "kettle", Ledgers.ACTOR).stream()
                    .map(AllocatedCode::code).toList());
            assertEquals("helmet", db.read(conn -> {
                try (var rs = conn.createStatement().executeQuery(
                        "SELECT product_id FROM code_packages WHERE file_name = 'platform:helmet:R1'")) {
                    rs.next();
                    return rs.getString(1);
                }
            }));
        }
    }
}
