package io.tracemark.cli;

import io.tracemark.records.RecordsBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench records [--units N] [--json]}: start-up check and online backup of a filled station database. */
@Command(name = "records",
        mixinStandardHelpOptions = true,
        description = {"Fill a station database in a temporary directory with verified units through the ledger"
                + " (jobs of 10,000 units), then time the start-up check (quick_check, witness) and one online backup"
                + " (VACUUM INTO, verified, checksummed); figures also per million units."})
public final class BenchRecordsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--units", paramLabel = "N", defaultValue = "200000", description = "units (default: ${DEFAULT-VALUE})")
    int units;

    @Option(names = "--json", description = "print one JSON document with the figures")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (units < 1) {
            throw new IllegalArgumentException("bench records: --units must be at least 1");
        }
        Path dir = Files.createTempDirectory("tracemark-bench-records");
        RecordsBenchmark.Result r;
        try {
            r = RecordsBenchmark.run(dir, units);
        } finally {
            BenchLedgerCommand.delete(dir);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("bench", "records");
        doc.put("units", r.units());
        doc.put("fillSeconds", r.fillSeconds());
        doc.put("databaseBytes", r.databaseBytes());
        doc.put("startCheckSeconds", r.startCheckSeconds());
        doc.put("startCheckSecondsPerMillionUnits", r.startCheckSecondsPerMillionUnits());
        doc.put("backupSeconds", r.backupSeconds());
        doc.put("backupBytes", r.backupBytes());
        doc.put("backupSecondsPerMillionUnits", r.backupSecondsPerMillionUnits());
        doc.put("backupMegabytesPerMillionUnits", r.backupMegabytesPerMillionUnits());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, doc);
        } else {
            doc.forEach((k, v) -> out.println(k + ": " + v));
            out.flush();
        }
        return 0;
    }
}
