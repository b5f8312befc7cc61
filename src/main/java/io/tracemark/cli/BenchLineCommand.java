package io.tracemark.cli;

import io.tracemark.app.DemoRun;
import io.tracemark.app.LineFaults;
import io.tracemark.app.SimulatedLine;
import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.sim.DegradationMix;
import io.tracemark.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench line}: the simulated line end to end (TCP virtual printer, rendered labels, camera
 * frames 1280×1024 decoded and graded) on a fresh data directory: sustained units/s and the time
 * from SENT to verdict (median, p99).
 */
@Command(name = "line", mixinStandardHelpOptions = true,
        description = "Sustained units/s of the simulated line end to end and the send-to-verdict time.")
public final class BenchLineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--units", defaultValue = "600", description = "units to make good (default 600)")
    int units;

    @Option(names = "--faults", defaultValue = "", description = "fault spec, as for demo")
    String faults;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("tracemark-bench-line-");
        SimulatedLine.Options options = SimulatedLine.Options.demo(dir)
                .withFaults(LineFaults.parse(faults, DegradationMix.line(), 1)).withCodes(units * 2 + 100);
        Map<String, Object> doc = new LinkedHashMap<>();
        try (SimulatedLine sim = SimulatedLine.start(options)) {
            DemoRun.Outcome outcome = DemoRun.run(sim, units, 0, Duration.ofHours(1));
            Reconciliation r = outcome.books().orElseThrow(() -> new TracemarkException("bench line: job did not run: "
                    + outcome.refused().orElse("?")));
            List<Long> latencies = latencies(sim.database(), r.job());
            doc.put("units", units);
            doc.put("unitsPerSecond", r.unitsPerSecond());
            doc.put("unitsPerMinute", Math.round(r.unitsPerSecond() * 60));
            doc.put("sendToVerdictMedianMs", percentile(latencies, 50));
            doc.put("sendToVerdictP99Ms", percentile(latencies, 99));
            doc.put("verified", r.verified());
            doc.put("rejected", r.rejected());
            doc.put("voided", r.voided());
            doc.put("duplicates", r.duplicates());
            doc.put("balanced", r.balanced());
            doc.put("stops", outcome.stops());
            doc.put("targetUnitsPerSecond", 20);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, doc);
        } else {
            doc.forEach((k, v) -> out.println(k + ": " + v));
            out.flush();
        }
        return 0;
    }

    private static List<Long> latencies(Database db, String job) {
        return db.read(conn -> {
            List<Long> out = new ArrayList<>();
            try (var ps = conn.prepareStatement("SELECT verdict_at - sent_at FROM units WHERE job_id = ? "
                    + "AND state IN ('VERIFIED', 'REJECTED') ORDER BY 1")) {
                ps.setString(1, job);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
