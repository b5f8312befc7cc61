package io.tracemark.cli;

import io.tracemark.records.audit.AuditBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench audit [--entries N] [--json]}: the keyed audit chain's write and verify time. */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = {"Write a keyed audit trail of N entries in a temporary directory, verify all of it (the figure:"
                + " seconds per million entries), then edit one entry and check that verification names it."})
public final class BenchAuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--entries", paramLabel = "N", defaultValue = "1000000", description = "entries (default: ${DEFAULT-VALUE})")
    long entries;

    @Option(names = "--json", description = "print one JSON document with the figures")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (entries < 1 || entries > 50_000_000) {
            throw new IllegalArgumentException("bench audit: --entries must be 1..50000000, was " + entries);
        }
        Path dir = Files.createTempDirectory("tracemark-bench-audit");
        try {
            AuditBenchmark.Result r = AuditBenchmark.run(dir, entries);
            boolean found = r.tamperFoundAt() == r.tamperedEntry();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("benchmark", "audit");
                doc.put("entries", r.entries());
                doc.put("writeSeconds", round(r.writeSeconds()));
                doc.put("verifySeconds", round(r.verifySeconds()));
                doc.put("verifySecondsPerMillion", round(r.verifySecondsPerMillion()));
                doc.put("verifyCpuSeconds", round(r.verifyCpuSeconds()));
                doc.put("verifyCpuSecondsPerMillion", round(r.verifyCpuSecondsPerMillion()));
                doc.put("anchors", r.anchors());
                doc.put("tamperedEntry", r.tamperedEntry());
                doc.put("tamperFoundAt", r.tamperFoundAt());
                JsonOutput.print(out, doc);
            } else {
                out.printf("audit trail of %d entries: written in %.2f s, verified in %.2f s (%.2f s per million,"
                        + " CPU %.2f s per million); %d anchors; entry %d edited, found at %d%n", r.entries(),
                        r.writeSeconds(), r.verifySeconds(), r.verifySecondsPerMillion(), r.verifyCpuSecondsPerMillion(),
                        r.anchors(), r.tamperedEntry(), r.tamperFoundAt());
                out.flush();
            }
            return found ? 0 : 1;
        } finally {
            delete(dir);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
