package io.tracemark.records;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.AllocatedCode;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.CodeValidator;
import io.tracemark.ledger.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Codes imported and units run through the real ledger, for the records tests. */
final class LedgerFixture {

    static final CodeValidator TM_CODES = code -> code.matches("TM[0-9]{7}")
            ? Optional.empty() : Optional.of("not a TM code (TM and 7 digits)");

    private LedgerFixture() {
    }

    static void importCodes(CodeLedger ledger, int from, int count) {
        List<String> codes = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            codes.add(String.format("TM%07d", i));
        }
        ledger.importCodes(codes, "test range " + from, "tm", TM_CODES, "tester");
    }

    /** A job of {@code units} units, every one sent and verified; ended (unused codes released) when asked. */
    static void runJob(CodeLedger ledger, String job, int units, boolean end) {
        ledger.createJob(job, TraceLevel.ITEM, units, "tester");
        for (AllocatedCode code : ledger.allocate(job, units, "line")) {
            Unit unit = ledger.markSent(job, code.code(), "line");
            ledger.verify(unit.id(), "A", "camera");
        }
        if (end) {
            ledger.releaseUnused(job, "tester");
        }
    }
}
