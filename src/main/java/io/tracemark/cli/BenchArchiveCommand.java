package io.tracemark.cli;

import io.tracemark.records.archive.ArchiveBenchFill;
import io.tracemark.records.archive.ArchiveRun;
import io.tracemark.records.archive.ArchiveVerification;
import io.tracemark.store.Database;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench archive [--units N] [--line-units N] [--json]}: retention at scale. */
@Command(name = "archive",
        mixinStandardHelpOptions = true,
        description = {"Fill a station database in a temporary directory with N units of finished jobs months old"
                + " (one job through the ledger, copied in SQL), archive them (archive run), and measure: archive size per"
                + " million units, the live database before and after, the archive run's time; then the simulated line"
                + " (reader result strings, as bench line --reads direct) and the panel API's response time, on a fresh"
                + " station and on the station whose N units were archived."})
public final class BenchArchiveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--units", paramLabel = "N", defaultValue = "1000000", description = "units archived (default: ${DEFAULT-VALUE})")
    long units;

    @Option(names = "--line-units", paramLabel = "N", defaultValue = "3000",
            description = "units of each measured line job (default: ${DEFAULT-VALUE}; a warm-up job of as many runs first)")
    int lineUnits;

    @Option(names = "--json", description = "print one JSON document with the figures")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (units < 1 || lineUnits < 1) {
            throw new IllegalArgumentException("bench archive: --units and --line-units must be at least 1");
        }
        Path dir = Files.createTempDirectory("tracemark-bench-archive");
        Map<String, Object> doc = new LinkedHashMap<>();
        boolean ok;
        try {
            doc.put("bench", "archive");
            doc.put("units", units);
            Map<String, Object> fresh = LineAndPanelCost.measure(dir.resolve("fresh"), lineUnits);
            Path data = dir.resolve("data");
            long t0 = System.nanoTime();
            int jobs = ArchiveBenchFill.fill(data, units);
            doc.put("jobs", jobs);
            doc.put("fillSeconds", seconds(t0));
            doc.put("liveBytesBefore", Files.size(data.resolve(Database.FILE_NAME)));
            ArchiveRun.Result result;
            long t1 = System.nanoTime();
            boolean intact;
            try (Database db = Database.open(data)) {
                result = new ArchiveRun(db, Duration.ofDays(90), Clock.systemUTC(), ArchiveRun.Steps.NONE).run();
                doc.put("archiveSeconds", seconds(t1));
                intact = ArchiveVerification.verify(db).stream().allMatch(ArchiveVerification.Verdict::intact);
                db.checkpoint();
                doc.put("liveBytesAfter", Files.size(data.resolve(Database.FILE_NAME)));
                doc.put("liveBytesInUseAfter", db.count("SELECT (SELECT page_count FROM pragma_page_count) - "
                        + "(SELECT freelist_count FROM pragma_freelist_count)") * db.count("SELECT page_size FROM pragma_page_size"));
                doc.put("liveUnitsAfter", db.count("SELECT count(*) FROM units"));
            }
            long archived = result.unitsMoved();
            long archiveBytes = result.archives().stream().mapToLong(m -> m.bytes()).sum();
            doc.put("archives", result.archives().size());
            doc.put("unitsArchived", archived);
            doc.put("jobsStayingLive", result.heldLive());
            doc.put("archiveBytes", archiveBytes);
            doc.put("archiveMegabytesPerMillionUnits", archived == 0 ? null
                    : Math.round(archiveBytes / 1e6 * 1e6 / archived * 10) / 10.0);
            doc.put("archiveSecondsPerMillionUnits", archived == 0 ? null
                    : Math.round((double) doc.get("archiveSeconds") * 1e6 / archived * 10) / 10.0);
            doc.put("archivesIntact", intact);
            Map<String, Object> after = LineAndPanelCost.measure(data, lineUnits);
            doc.put("freshStation", fresh);
            doc.put("afterArchiving", after);
            ok = intact && archived > 0 && Boolean.TRUE.equals(fresh.get("balanced"))
                    && Boolean.TRUE.equals(after.get("balanced"));
            doc.put("ok", ok);
        } finally {
            BenchLedgerCommand.delete(dir);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, doc);
        } else {
            doc.forEach((k, v) -> out.println(k + ": " + v));
            out.flush();
        }
        return ok ? 0 : 1;
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e7) / 100.0;
    }
}
