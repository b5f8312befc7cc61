package io.tracemark.records.audit;

import io.tracemark.store.AuditLog;
import io.tracemark.store.ChainCheck;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * {@code bench audit}: writes a trail of N keyed entries (10,000 per transaction), verifies all of it,
 * then edits one entry in the middle and verifies again (it must be named).
 */
public final class AuditBenchmark {

    private static final int PER_TRANSACTION = 10_000;

    /**
     * @param entries           entries written
     * @param writeSeconds      time to write them
     * @param verifySeconds     time to verify the whole trail
     * @param verifyCpuSeconds  CPU time of the verifying thread (the figure on a loaded machine)
     * @param anchors           anchors taken while writing
     * @param tamperedEntry     the entry edited afterwards
     * @param tamperFoundAt     the first broken entry the second verification named
     */
    public record Result(long entries, double writeSeconds, double verifySeconds, double verifyCpuSeconds, long anchors, long tamperedEntry,
                         long tamperFoundAt) {

        public double verifySecondsPerMillion() {
            return verifySeconds * 1_000_000.0 / entries;
        }

        public double verifyCpuSecondsPerMillion() {
            return verifyCpuSeconds * 1_000_000.0 / entries;
        }
    }

    private AuditBenchmark() {
    }

    public static Result run(Path dir, long entries) {
        try (Database db = Database.open(dir.resolve("data"))) {
            AuditLog log = new AuditLog(db);
            long t0 = System.nanoTime();
            for (long done = 0; done < entries; ) {
                long n = Math.min(PER_TRANSACTION, entries - done);
                long first = done;
                db.inTransaction(conn -> {
                    for (long i = 0; i < n; i++) {
                        log.record(conn, "2001", "bench.action", "entry " + (first + i + 1) + " of a benchmark trail");
                    }
                    return null;
                });
                done += n;
            }
            double write = (System.nanoTime() - t0) / 1e9;
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long c1 = threads.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            ChainCheck check = log.verify();
            double verify = (System.nanoTime() - t1) / 1e9;
            double verifyCpu = (threads.getCurrentThreadCpuTime() - c1) / 1e9;
            if (!check.intact() || check.rowsChecked() != entries) {
                throw new IllegalStateException("bench audit: the fresh trail does not verify: " + check);
            }
            long tampered = Math.max(1, entries / 2);
            db.inTransaction(conn -> {
                try (Statement st = conn.createStatement()) {
                    return st.executeUpdate("UPDATE audit_log SET detail = 'edited' WHERE id = " + tampered);
                }
            });
            ChainCheck after = new io.tracemark.store.AuditChain(db).verify(Instant.EPOCH, List.of());
            return new Result(entries, write, verify, verifyCpu, db.count("SELECT count(*) FROM audit_anchors"), tampered,
                    after.firstBrokenId().orElse(0));
        }
    }
}
