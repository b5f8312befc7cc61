package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.CodeValidator;
import io.tracemark.ledger.Unit;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Units and the code pool come from a real ledger in a real station database. */
class LedgerUnitLookupTest {

    @TempDir
    Path dataDir;

    @Test
    void unitsAndPoolComeFromTheLedger() {
        try (Database db = Database.open(dataDir)) {
            CodeLedger ledger = new CodeLedger(db);
            List<String> codes = List.of("TM-0001", "TM-0002", "TM-0003", "TM-0004");
            ledger.importCodes(codes, "test range", "OPAQUE", CodeValidator.anyCode(), "test");
            ledger.createJob("J1", TraceLevel.ITEM, 2, "test");
            ledger.allocate("J1", 2, "test");
            Unit sent = ledger.markSent("J1", "TM-0001", "test");
            ledger.reject(sent.id(), "low-grade", "D", "test");
            LedgerUnitLookup lookup = new LedgerUnitLookup(ledger);

            Map<String, Object> unit = lookup.unit("TM-0001").orElseThrow();
            assertEquals("REJECTED", unit.get("state"));
            assertEquals("LabelScrapped", unit.get("openScs"));
            Unit voided = ledger.markSent("J1", "TM-0002", "test");
            ledger.voidUnit(voided.id(), "head-open", "test");
            assertEquals("SNInvalid", lookup.unit("TM-0002").orElseThrow().get("openScs"), "sent, fate unknown: not Destroyed");
            assertEquals("SNInvalid", lookup.unit("TM-0002").orElseThrow().get("codeOpenScs"));
            assertEquals("low-grade", unit.get("reason"));
            assertEquals("J1", unit.get("jobId"));
            assertEquals("AVAILABLE", lookup.unit("TM-0003").orElseThrow().get("codeState"));
            assertEquals("Unallocated", lookup.unit("TM-0003").orElseThrow().get("codeOpenScs"));
            assertTrue(lookup.unit("TM-9999").isEmpty());

            Map<String, Object> pool = lookup.pool();
            assertEquals(2L, pool.get("AVAILABLE"));
            assertEquals(1L, pool.get("VOIDED"));
            assertEquals(1L, pool.get("REJECTED"));
        }
    }
}
