package io.tracemark.ledger;

import io.tracemark.core.TraceLevel;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A line-like mix of ledger calls for one job: allocate a block, then send and give a verdict to
 * each code (mostly verified, some rejected or voided). Used by the concurrency and crash tests.
 */
final class LedgerWorkload {

    private LedgerWorkload() {
    }

    /** Runs {@code blocks} blocks of {@code blockSize} codes on {@code jobId}; counts the verdicts. */
    static void run(CodeLedger ledger, String jobId, int blocks, int blockSize, long seed, AtomicLong verdicts) {
        Random random = new Random(seed);
        for (int b = 0; b < blocks; b++) {
            List<AllocatedCode> codes = ledger.allocate(jobId, blockSize, "line");
            for (AllocatedCode code : codes) {
                Unit unit = ledger.markSent(jobId, code.code(), "line");
                switch (random.nextInt(20)) {
                    case 0 -> ledger.reject(unit.id(), "no read", "F", "camera");
                    case 1 -> ledger.voidUnit(unit.id(), "jam", "line");
                    default -> ledger.verify(unit.id(), "A", "camera");
                }
                verdicts.incrementAndGet();
            }
        }
    }

    static void createJobs(CodeLedger ledger, int jobs, int quantity) {
        for (int j = 0; j < jobs; j++) {
            ledger.createJob("J" + j, TraceLevel.ITEM, quantity, "test");
        }
    }
}
