package io.tracemark.ledger;

import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link CrashDurabilityTest}: runs line-like ledger work on several threads
 * through group commit, printing progress, until it is killed.
 */
public final class LedgerCrashChild {

    static final int THREADS = 8;

    private LedgerCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Database db = Database.open(data);
        GroupCommit group = new GroupCommit(db);
        CodeLedger ledger = new CodeLedger(db, group, Clock.systemUTC());
        Ledgers.importCodes(ledger, 1, 5_000);
        LedgerWorkload.createJobs(ledger, THREADS, 600);
        AtomicLong verdicts = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String job = "J" + t;
            long seed = t;
            Thread thread = new Thread(() -> LedgerWorkload.run(ledger, job, 60, 10, seed, verdicts));
            thread.start();
            threads.add(thread);
        }
        long reported = 0;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            long now = verdicts.get();
            if (now >= reported + 100) {
                System.out.println("verdicts " + now);
                System.out.flush();
                reported = now;
            }
            Thread.onSpinWait();
        }
        System.out.println("finished");
    }
}
