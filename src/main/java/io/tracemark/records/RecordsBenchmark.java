package io.tracemark.records;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.AllocatedCode;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.records.backup.BackupManifest;
import io.tracemark.records.backup.OnlineBackup;
import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code bench records}: a station database filled with verified units through the real ledger
 * (codes imported, jobs of {@value #JOB_UNITS} units, each unit SENT and VERIFIED with its event),
 * then the start-up check ({@code quick_check} and the witness comparison) and an online backup timed
 * and measured; figures also per million units.
 */
public final class RecordsBenchmark {

    static final int JOB_UNITS = 10_000;
    private static final int BLOCK = 200;

    private RecordsBenchmark() {
    }

    /**
     * What was measured.
     *
     * @param units              units in the database
     * @param fillSeconds        time to fill it
     * @param databaseBytes      size of station.db (checkpointed)
     * @param startCheckSeconds  quick_check plus opening with the witness comparison
     * @param backupSeconds      one online backup, verified
     * @param backupBytes        its size
     */
    public record Result(int units, double fillSeconds, long databaseBytes, double startCheckSeconds,
                         double backupSeconds, long backupBytes) {

        public double backupSecondsPerMillionUnits() {
            return round(backupSeconds * 1_000_000.0 / units);
        }

        public double backupMegabytesPerMillionUnits() {
            return round(backupBytes / 1e6 * 1_000_000.0 / units);
        }

        public double startCheckSecondsPerMillionUnits() {
            return round(startCheckSeconds * 1_000_000.0 / units);
        }
    }

    public static Result run(Path dir, int units) throws Exception {
        Path data = dir.resolve("data");
        long t0 = System.nanoTime();
        try (Database db = Database.open(data); GroupCommit group = new GroupCommit(db)) {
            CodeLedger ledger = new CodeLedger(db, group, Clock.systemUTC());
            List<String> codes = new ArrayList<>(units);
            for (int i = 0; i < units; i++) {
                codes.add(String.format("BENCH%010d", i));
            }
            ledger.importCodes(codes, "bench records", "bench", code -> java.util.Optional.empty(), "bench");
            for (int job = 0; job * JOB_UNITS < units; job++) {
                String id = "bench-" + job;
                int size = Math.min(JOB_UNITS, units - job * JOB_UNITS);
                ledger.createJob(id, TraceLevel.ITEM, size, "bench");
                fillJob(ledger, id, size);
                ledger.releaseUnused(id, "bench");
            }
            db.checkpoint();
        }
        double fill = (System.nanoTime() - t0) / 1e9;
        long dbBytes = Files.size(data.resolve(Database.FILE_NAME));
        long t1 = System.nanoTime();
        try (Database db = Database.open(data)) {
            StartupTrust.require(db);
            double check = (System.nanoTime() - t1) / 1e9;
            Path folder = Files.createDirectories(dir.resolve("backups"));
            BackupManifest backup = new OnlineBackup(db, Clock.systemUTC()).into(folder);
            return new Result(units, round(fill), dbBytes, round(check), round(backup.seconds()), backup.bytes());
        }
    }

    private static void fillJob(CodeLedger ledger, String job, int size) {
        for (int done = 0; done < size; done += BLOCK) {
            List<String> block = ledger.allocate(job, Math.min(BLOCK, size - done), "bench").stream()
                    .map(AllocatedCode::code).toList();
            List<CompletableFuture<Unit>> verdicts = new ArrayList<>();
            for (Unit unit : ledger.markSent(job, block, "bench")) {
                verdicts.add(ledger.verifyLater(unit.id(), "A", "bench"));
            }
            verdicts.forEach(CompletableFuture::join);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
