package io.tracemark.ledger;

import io.tracemark.core.TraceLevel;
import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 *
 * <p>Durable means what a line relies on: each call returns only after the COMMIT holding its
 * change returned on a connection with {@code synchronous=FULL} in WAL mode (both read back from
 * the writer connection and reported). A code counts once it went through all three transitions
 * (AVAILABLE -> ALLOCATED -> SENT -> VERIFIED); the transitions are counted in the
 * {@code transitions} table afterwards, not computed.
 */
public final class LedgerBenchmark {

    /**
     * What to run.
     *
     * @param importCodes codes generated into a package file and imported from it
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
     * @param importPeakHeapMb     the heap's peak use while importing (MB, sum of the heap pools' peaks:
     *                             an upper bound, garbage not yet collected included)
     * @param codes                codes taken through allocate, send and verify
     * @param workers              concurrent callers
     * @param transitions          durable transitions written, as counted in the table (3 per code)
     * @param seconds              time for those transitions
     * @param transitionsPerSecond transitions / seconds
     * @param codesPerSecond       codes taken through all three transitions per second
     * @param commits              transactions committed for those transitions
     * @param averageGroup         callers' pieces of work per commit
     * @param writerCpuMicrosPerCode CPU time of the group-commit writer thread per code (running the
     *                             statements and committing; independent of other load on the
     *                             machine), -1 when the JVM cannot measure it
     * @param commitMillis         average wall time of one COMMIT (writing and syncing the log)
     * @param synchronous          the writer connection's {@code PRAGMA synchronous} (2 = FULL)
     * @param journalMode          the writer connection's {@code PRAGMA journal_mode}
     * @param balanced             whether every job reconciled afterwards
     */
    public record Result(int importCodes, double importSeconds, double importPeakHeapMb, int codes, int workers, long transitions,
                         double seconds, double transitionsPerSecond, double codesPerSecond, long commits,
                         double averageGroup, double writerCpuMicrosPerCode, double commitMillis, int synchronous,
                         String journalMode, boolean balanced) {
    }

    private LedgerBenchmark() {
    }

    /** Runs the benchmark in {@code dataDir} (which should be empty and is left behind). */
    public static Result run(Path dataDir, Settings settings) {
        try (Database db = Database.open(dataDir); GroupCommit group = new GroupCommit(db)) {
            CodeLedger ledger = new CodeLedger(db, group, Clock.systemUTC());
            Path packageFile = writePackage(dataDir, settings.importCodes());
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            ledger.importFile(packageFile, "bench", CodeValidator.anyCode(), "bench");
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            double importPeakHeapMb = Math.round(ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / 1e5) / 10.0;

            int perWorker = settings.codes() / settings.workers();
            for (int w = 0; w < settings.workers(); w++) {
                ledger.createJob("bench-" + w, TraceLevel.ITEM, perWorker, "bench");
            }
            GroupCommit.Stats before = group.stats();
            long t1 = System.nanoTime();
            runWorkers(ledger, settings, perWorker);
            double seconds = (System.nanoTime() - t1) / 1e9;
            int codes = perWorker * settings.workers();
            GroupCommit.Stats after = group.stats();
            long transitions = db.count("SELECT count(*) FROM transitions WHERE job_id LIKE 'bench-%'");
            long commits = after.commits() - before.commits();
            double averageGroup = Math.round(10.0 * (after.pieces() - before.pieces()) / Math.max(1, commits)) / 10.0;
            double cpuPerCode = before.writerCpuNanos() < 0 ? -1
                    : Math.round((after.writerCpuNanos() - before.writerCpuNanos()) / 1e3 / codes * 10) / 10.0;
            double commitMillis = Math.round((after.commitNanos() - before.commitNanos()) / 1e6 / Math.max(1, commits)
                    * 100) / 100.0;
            boolean balanced = ledger.reconcileAll().stream().allMatch(Reconciliation::balanced);
            int synchronous = group.inTransaction(conn -> ((Number) pragma(conn, "synchronous")).intValue());
            String journalMode = group.inTransaction(conn -> pragma(conn, "journal_mode").toString());
            return new Result(settings.importCodes(), round(importSeconds), importPeakHeapMb, codes, settings.workers(), transitions,
                    round(seconds), Math.round(transitions / seconds), Math.round(codes / seconds), commits,
                    averageGroup, cpuPerCode, commitMillis, synchronous, journalMode, balanced);
        }
    }

    private static Path writePackage(Path dataDir, int codes) {
        Path file = dataDir.resolve("bench-package.txt");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < codes; i++) {
                w.write(String.format("BENCH%010d%n", i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bench ledger: cannot write " + file, e);
        }
        return file;
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
            for (AllocatedCode code : ledger.allocate(job, Math.min(block, codes - done), "bench", "bench")) {
                Unit unit = ledger.markSent(job, code.code(), "bench");
                ledger.verify(unit.id(), "A", "bench");
            }
        }
    }

    private static Object pragma(Connection conn, String name) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
