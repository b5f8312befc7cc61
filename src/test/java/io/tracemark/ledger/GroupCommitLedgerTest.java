package io.tracemark.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.CodeState;
import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitLedgerTest {

    @TempDir
    Path dir;

    @Test
    void concurrentLinesThroughGroupCommitKeepEveryJobBalanced() throws Exception {
        int threads = 6;
        int blocks = 5;
        int blockSize = 20;
        try (Database db = Database.open(dir); GroupCommit group = new GroupCommit(db)) {
            CodeLedger ledger = new CodeLedger(db, group, Clock.systemUTC());
            Ledgers.importCodes(ledger, 1, threads * blocks * blockSize + 7);
            LedgerWorkload.createJobs(ledger, threads, blocks * blockSize);
            AtomicLong verdicts = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String job = "J" + t;
                long seed = t;
                done.add(pool.submit(() -> LedgerWorkload.run(ledger, job, blocks, blockSize, seed, verdicts)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            long total = (long) threads * blocks * blockSize;
            assertEquals(total, verdicts.get());
            for (Reconciliation r : ledger.reconcileAll()) {
                assertTrue(r.balanced(), r.toString());
                assertEquals(blocks * blockSize, r.allocated());
                assertEquals(blocks * blockSize, r.verified() + r.rejected() + r.voided());
            }
            assertEquals(7, ledger.countCodes(CodeState.AVAILABLE));
            assertEquals(3 * total, db.count("SELECT count(*) FROM transitions"));
            assertEquals(total, ledger.outbox().backlog().count());
            assertEquals(0, Ledgers.codesDisagreeingWithHistory(db));
            assertEquals(0, Ledgers.unitsDisagreeingWithHistory(db));
        }
    }

    @Test
    void anIllegalChangeInAGroupFailsAloneAndChangesNothing() {
        try (Database db = Database.open(dir); GroupCommit group = new GroupCommit(db)) {
            CodeLedger ledger = new CodeLedger(db, group, Clock.systemUTC());
            Ledgers.importCodes(ledger, 1, 3);
            LedgerWorkload.createJobs(ledger, 1, 3);
            ledger.allocate("J0", 3, "t");
            Unit unit = ledger.markSent("J0", "TM000001", "t");
            ledger.verify(unit.id(), "A", "t");
            String before = Ledgers.snapshot(db);
            assertThrows(IllegalTransitionException.class, () -> ledger.verify(unit.id(), "A", "t"));
            assertEquals(before, Ledgers.snapshot(db));
            ledger.markSent("J0", "TM000002", "t");
            assertEquals(CodeState.SENT, ledger.codeState("TM000002").orElseThrow());
        }
    }
}
