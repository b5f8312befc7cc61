package io.tracemark.cli;

import io.tracemark.ledger.LedgerBenchmark;
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

/**
 * {@code bench ledger [--json]}: import time for 1,000,000 generated codes, and durable ledger
 * transitions per second with group commit (synchronous=FULL), in a temporary data directory.
 */
@Command(name = "ledger",
        mixinStandardHelpOptions = true,
        description = {"Measure the code ledger in a temporary data directory: importing generated codes in one"
                + " package, then durable transitions (allocate, sent, verified; synchronous=FULL) with group commit,"
                + " each worker waiting for its own commits like a line does.",
            "Targets (DESIGN.md section 5): import of 1,000,000 codes <= 30 s; durable ledger transitions"
                + " >= 5,000 codes/s, read both ways: transitionsTargetMet (transitions/s) and codesTargetMet"
                + " (codes/s taken through all three transitions)."})
public final class BenchLedgerCommand implements Callable<Integer> {

    static final double IMPORT_TARGET_SECONDS = 30;
    static final double TRANSITIONS_TARGET_PER_SECOND = 5_000;
    static final double CODES_TARGET_PER_SECOND = 5_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--import", paramLabel = "N", defaultValue = "1000000", description = "codes to import (default: ${DEFAULT-VALUE})")
    int importCodes;

    @Option(names = "--codes", paramLabel = "N", defaultValue = "30000",
            description = "codes taken through allocate, sent, verified (default: ${DEFAULT-VALUE})")
    int codes;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "32",
            description = "concurrent callers sharing the group commit (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--block", paramLabel = "N", defaultValue = "10", description = "codes per allocate call (default: ${DEFAULT-VALUE})")
    int block;

    @Option(names = "--json", description = "print one JSON document with the figures")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (importCodes < codes || workers < 1 || block < 1 || codes < workers) {
            throw new IllegalArgumentException("bench ledger: need --import >= --codes >= --workers >= 1 and --block >= 1");
        }
        Path dir = Files.createTempDirectory("tracemark-bench-ledger");
        LedgerBenchmark.Result result;
        try {
            result = LedgerBenchmark.run(dir, new LedgerBenchmark.Settings(importCodes, codes, workers, block));
        } finally {
            delete(dir);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("bench", "ledger");
        doc.put("importCodes", result.importCodes());
        doc.put("importSeconds", result.importSeconds());
        doc.put("importCodesPerSecond", Math.round(result.importCodes() / result.importSeconds()));
        doc.put("importPeakHeapMb", result.importPeakHeapMb());
        doc.put("transitionCodes", result.codes());
        doc.put("workers", result.workers());
        doc.put("transitions", result.transitions());
        doc.put("transitionSeconds", result.seconds());
        doc.put("transitionsPerSecond", result.transitionsPerSecond());
        doc.put("codesPerSecond", result.codesPerSecond());
        doc.put("commits", result.commits());
        doc.put("averageGroup", result.averageGroup());
        doc.put("commitMillis", result.commitMillis());
        doc.put("writerCpuMicrosPerCode", result.writerCpuMicrosPerCode());
        doc.put("synchronous", synchronousName(result.synchronous()));
        doc.put("journalMode", result.journalMode());
        doc.put("balanced", result.balanced());
        doc.put("importTargetMet", importCodes < 1_000_000 ? null : result.importSeconds() <= IMPORT_TARGET_SECONDS);
        doc.put("transitionsTargetMet", result.transitionsPerSecond() >= TRANSITIONS_TARGET_PER_SECOND);
        doc.put("codesTargetMet", result.codesPerSecond() >= CODES_TARGET_PER_SECOND);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, doc);
        } else {
            out.printf("import: %,d codes from a package file in %.2f s (%,d codes/s), heap peak %.1f MB%n",
                    result.importCodes(), result.importSeconds(), Math.round(result.importCodes() / result.importSeconds()),
                    result.importPeakHeapMb());
            out.printf("transitions: %,d durable (allocate+sent+verified of %,d codes, %d workers) in %.2f s:"
                            + " %,.0f transitions/s, %,.0f codes/s%n", result.transitions(), result.codes(),
                    result.workers(), result.seconds(), result.transitionsPerSecond(), result.codesPerSecond());
            out.printf("writer: %.1f µs CPU per code, %.2f ms per COMMIT, %d commits of %.1f calls on average"
                            + " (synchronous=%s, journal_mode=%s)%n", result.writerCpuMicrosPerCode(), result.commitMillis(),
                    result.commits(), result.averageGroup(), synchronousName(result.synchronous()), result.journalMode());
            out.println(result.balanced() ? "every job balanced" : "SOME JOB DID NOT BALANCE");
            out.flush();
        }
        return result.balanced() ? 0 : 1;
    }

    private static String synchronousName(int level) {
        return switch (level) {
            case 0 -> "OFF";
            case 1 -> "NORMAL";
            case 2 -> "FULL";
            case 3 -> "EXTRA";
            default -> String.valueOf(level);
        };
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
