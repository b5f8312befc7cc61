package io.tracemark.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.CodeState;
import io.tracemark.store.Database;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void aLedgerKilledMidWorkReopensBalancedWithNothingHalfWritten() throws Exception {
        Path data = dir.resolve("data");
        Process child = Ledgers.startChild(LedgerCrashChild.class, data, dir.resolve("child.err"));
        long seen = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; seen < 300 && (line = out.readLine()) != null; ) {
                if (line.startsWith("verdicts ")) {
                    seen = Long.parseLong(line.substring(9));
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(seen >= 300, "child stopped early, see " + dir.resolve("child.err") + File.separator);

        try (Database db = Database.open(data)) {
            CodeLedger ledger = new CodeLedger(db);
            long verdicts = 0;
            for (Reconciliation r : ledger.reconcileAll()) {
                assertTrue(r.balanced(), r.toString());
                assertEquals(0, r.duplicates());
                verdicts += r.verified() + r.rejected() + r.voided();
            }
            assertTrue(verdicts >= seen, verdicts + " verdicts on disk, the child had reported " + seen);
            assertEquals(0, Ledgers.codesDisagreeingWithHistory(db));
            assertEquals(0, Ledgers.unitsDisagreeingWithHistory(db));
            assertEquals(db.count("SELECT count(*) FROM codes WHERE state = 'SENT'"),
                    db.count("SELECT count(*) FROM units WHERE state = 'SENT'"), "every SENT code has its unit");
            assertEquals(verdicts, ledger.outbox().backlog().count(), "every verdict has its outbox event");
            assertTrue(ledger.audit().verify().intact());

            for (Job job : ledger.openJobs()) {
                ledger.voidInFlight(job.id(), CodeLedger.RECOVERED_AFTER_CRASH);
                ledger.releaseUnused(job.id(), CodeLedger.SYSTEM);
            }
            for (Reconciliation r : ledger.reconcileAll()) {
                assertTrue(r.balanced(), r.toString());
                assertEquals(0, r.inFlight());
            }
            assertEquals(0, ledger.countCodes(CodeState.ALLOCATED));
            assertEquals(0, ledger.countCodes(CodeState.SENT));
        }
    }
}
