package io.tracemark.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.CodeState;
import io.tracemark.store.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verdict given with {@link CodeLedger#verifyLater} waits (at most {@link io.tracemark.store.GroupCommit#GATHER})
 * to share a commit; if the station dies before that commit, the unit is still SENT on disk and crash
 * recovery voids it as recovered-after-crash: the books balance, nothing is counted VERIFIED that was
 * not committed, and the verdict event that was never committed is never sent.
 */
class LaterVerdictCrashTest {

    @TempDir
    Path dir;

    @Test
    void aVerdictNotYetCommittedAtACrashIsVoidedByRecovery() throws Exception {
        Path data = dir.resolve("data");
        Process child = Ledgers.startChild(LaterVerdictCrashChild.class, data, dir.resolve("child.err"));
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        }
        assertTrue(line != null && line.startsWith("holding "), "child failed: " + line + "\n"
                + Files.readString(dir.resolve("child.err")));
        long held = Long.parseLong(line.substring("holding ".length()));

        try (Database db = Database.open(data)) {
            CodeLedger ledger = new CodeLedger(db);
            List<Unit> inFlight = ledger.inFlight(LaterVerdictCrashChild.JOB);
            assertEquals(1, inFlight.size(), "the uncommitted VERIFIED is not on disk");
            assertEquals(held, inFlight.get(0).id());
            assertEquals(1, ledger.countCodes(CodeState.VERIFIED), "the committed one is");
            assertEquals(1, ledger.outbox().backlog().count(), "only the committed verdict has its event");

            assertEquals(1, ledger.voidInFlight(LaterVerdictCrashChild.JOB, CodeLedger.RECOVERED_AFTER_CRASH));
            Unit voided = ledger.unit(held).orElseThrow();
            assertEquals(CodeState.VOIDED, voided.state());
            assertEquals(CodeLedger.RECOVERED_AFTER_CRASH, voided.reason().orElseThrow());
            ledger.releaseUnused(LaterVerdictCrashChild.JOB, CodeLedger.SYSTEM);
            Reconciliation r = ledger.reconcile(LaterVerdictCrashChild.JOB);
            assertTrue(r.balanced(), r.toString());
            assertEquals(1, r.verified());
            assertEquals(1, r.voided());
            assertEquals(0, Ledgers.codesDisagreeingWithHistory(db));
            assertEquals(0, Ledgers.unitsDisagreeingWithHistory(db));
        }
    }
}
