package io.tracemark.cli;

import io.tracemark.pack.RecallBenchmark;
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

/** {@code bench recall [--units N] [--json]}: recalls of a batch, a unit code and a pallet at N units. */
@Command(name = "recall",
        mixinStandardHelpOptions = true,
        description = {"Fill a fresh station database in a temporary directory with N printed units by batched SQL"
                + " (jobs of 10,000 units, each its own batch; cases of 20, pallets of 25 cases, two pallets in three"
                + " shipped to 5 buyers; 100 loose units a job), then time a recall of one batch, one unit code and one"
                + " pallet: the first run and the median of five more (target: a batch in <= 1 s at 10 million units)."})
public final class BenchRecallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--units", paramLabel = "N", defaultValue = "1000000",
            description = "units, a multiple of 10,000 (default: ${DEFAULT-VALUE})")
    int units;

    @Option(names = "--json", description = "print one JSON document with the figures")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (units < 10_000) {
            throw new IllegalArgumentException("bench recall: --units must be at least 10000 (one job), was " + units);
        }
        Path dir = Files.createTempDirectory("tracemark-bench-recall");
        RecallBenchmark.Result r;
        try {
            r = RecallBenchmark.run(dir.resolve("data"), units);
        } finally {
            BenchLedgerCommand.delete(dir);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("bench", "recall");
        doc.put("units", r.units());
        doc.put("fillSeconds", r.fillSeconds());
        doc.put("databaseBytes", r.databaseBytes());
        doc.put("batch", r.batch());
        doc.put("code", r.code());
        doc.put("pallet", r.pallet());
        doc.put("batchWithinOneSecond", r.batch().firstSeconds() <= 1.0 && r.batch().medianSeconds() <= 1.0);
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
