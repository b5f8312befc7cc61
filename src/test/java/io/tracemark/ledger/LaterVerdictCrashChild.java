package io.tracemark.ledger;

import io.tracemark.core.TraceLevel;
import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link LaterVerdictCrashTest}: two units SENT, the first VERIFIED and committed,
 * the second's VERIFIED given with {@link CodeLedger#verifyLater} and held in a group that is still
 * open (a later piece of the same group blocks) when the process is killed.
 */
public final class LaterVerdictCrashChild {

    static final String JOB = "J-later";

    private LaterVerdictCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Database db = Database.open(Path.of(args[0]));
        GroupCommit group = new GroupCommit(db);
        CodeLedger ledger = new CodeLedger(db, group, Clock.systemUTC());
        Ledgers.importCodes(ledger, 1, 10);
        ledger.createJob(JOB, TraceLevel.ITEM, 2, Ledgers.ACTOR);
        List<AllocatedCode> codes = ledger.allocate(JOB, 2, "tm", Ledgers.ACTOR);
        List<Unit> units = ledger.markSent(JOB, List.of(codes.get(0).code(), codes.get(1).code()), Ledgers.ACTOR);
        ledger.verifyLater(units.get(0).id(), "A", Ledgers.ACTOR).get();
        // the writer is kept busy while the verdict and the piece after it are queued, so both are
        // taken into one group however slowly this thread runs
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        group.later(conn -> {
            busy.countDown();
            awaitQuietly(release);
            return null;
        });
        busy.await();
        ledger.verifyLater(units.get(1).id(), "A", Ledgers.ACTOR);
        CountDownLatch inGroup = new CountDownLatch(1);
        group.later(conn -> {
            inGroup.countDown(); // the VERIFIED before this piece is written, not committed
            awaitQuietly(new CountDownLatch(1)); // the transaction stays open until the kill
            return null;
        });
        release.countDown();
        inGroup.await();
        System.out.println("holding " + units.get(1).id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
