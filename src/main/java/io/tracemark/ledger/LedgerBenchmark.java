package io.tracemark.ledger;

import io.tracemark.core.TraceLevel;
import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the ledger on a fresh database: importing generated codes in one package, then durable
 * transitions with group commit under a line-like mix (each worker plays one line: allocate a
 * block of codes, then for each code mark it SENT and VERIFIED, every call waiting for its commit).
 */
public final class LedgerBenchmark {

    /**
     * What to run.
     *
     * @param importCodes codes generated and imported in one package
     * @param codes       codes taken through allocate, send and verify
     * @param workers     concurrent callers (lines, cameras) sharing the group commit
     * @param block       codes allocated per allocate call
     */
    public record Settings(int importCodes, int codes, int workers, int block) {
    }

    /**
     * The figures.
     *
     * @param importCodes          codes imported
     * @param importSeconds        time to validate and commit them
     * @param codes                codes taken through allocate, send and verify
     * @param workers              concurrent callers
     * @param transitions          durable transitions written (3 per code)
     * @param seconds              time for those transitions
     * @param transitionsPerSecond transitions / seconds
     * @param codesPerSecond       codes fully processed per second
     * @param commits              transactions committed for those transitions
     * @param averageGroup         callers' pieces of work per commit
     * @param balanced             whether every job reconciled afterwards
     */
    public record Result(int importCodes, double importSeconds, int codes, int workers, long transitions,
                         double seconds, double transitionsPerSecond, double codesPerSecond, long commits,
                         double averageGroup, boolean balanced) {
    }

    private LedgerBenchmark() {
    }

    /** Runs the benchmark in {@code dataDir} (which should be empty and is left behind). */
    public static Result run(Path dataDir, Settings settings) {
        try (Database db = Database.open(dataDir); GroupCommit group = new GroupCommit(db)) {
            CodeLedger ledger = new CodeLedger(db, group, Clock.systemUTC());
            List<String> generated = new ArrayList<>(settings.importCodes());
            for (int i = 0; i < settings.importCodes(); i++) {
                generated.add(String.format("BENCH%010d", i));
            }
            long t0 = System.nanoTime();
            ledger.importCodes(generated, "bench", "bench", CodeValidator.anyCode(), "bench");
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            generated = null;

            int perWorker = settings.codes() / settings.workers();
            for (int w = 0; w < settings.workers(); w++) {
                ledger.createJob("bench-" + w, TraceLevel.ITEM, perWorker, "bench");
            }
            GroupCommit.Stats before = group.stats();
            long t1 = System.nanoTime();
            runWorkers(ledger, settings, perWorker);
            double seconds = (System.nanoTime() - t1) / 1e9;
            int codes = perWorker * settings.workers();
            long transitions = 3L * codes;
            GroupCommit.Stats after = group.stats();
            long commits = after.commits() - before.commits();
            double averageGroup = Math.round(10.0 * (after.pieces() - before.pieces()) / Math.max(1, commits)) / 10.0;
            boolean balanced = ledger.reconcileAll().stream().allMatch(Reconciliation::balanced);
            return new Result(settings.importCodes(), round(importSeconds), codes, settings.workers(), transitions,
                    round(seconds), Math.round(transitions / seconds), Math.round(codes / seconds), commits,
                    averageGroup, balanced);
        }
    }

    private static void runWorkers(CodeLedger ledger, Settings settings, int perWorker) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.workers());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < settings.workers(); w++) {
                String job = "bench-" + w;
                done.add(pool.submit(() -> line(ledger, job, perWorker, settings.block())));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("benchmark worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void line(CodeLedger ledger, String job, int codes, int block) {
        for (int done = 0; done < codes; done += block) {
            for (AllocatedCode code : ledger.allocate(job, Math.min(block, codes - done), "bench")) {
                Unit unit = ledger.markSent(job, code.code(), "bench");
                ledger.verify(unit.id(), "A", "bench");
            }
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
