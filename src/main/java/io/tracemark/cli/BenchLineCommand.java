package io.tracemark.cli;

import io.tracemark.app.DemoRun;
import io.tracemark.app.LineFaults;
import io.tracemark.app.SampleStation;
import io.tracemark.app.SimulatedLine;
import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.sim.DegradationMix;
import io.tracemark.store.Database;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench line}: the simulated line end to end (TCP virtual printer, rendered labels, camera
 * frames 1280×1024 decoded and graded) on a fresh data directory: sustained units/s, units/s per
 * window of 10,000 units, the time from SENT to verdict (median, p99) and the station's own CPU time per
 * unit (its threads and its decoder; the simulated printer, camera drawing and platform excluded).
 * Exits 1 unless the job completed with the books balanced and no stop.
 */
@Command(name = "line", mixinStandardHelpOptions = true,
        description = "Sustained units/s of the simulated line end to end, units/s per 10,000-unit window, "
                + "the send-to-verdict time, the station's CPU and database commits per unit, measured on a job "
                + "that follows the warm-up job, if any (--warmup); with --reads images also the CPU per frame of "
                + "decoding the camera's frames from JPEG (as the camera's HTTP snapshot/MJPEG sends them) and PNG, "
                + "reported apart. Exit code 1 unless the jobs completed with the books balanced and no stop.")
public final class BenchLineCommand implements Callable<Integer> {

    private static final int WINDOW = 10_000;
    private static final long SAMPLE_MS = 200;
    /** Warm-up units before a run with result strings (about a minute: the JIT is done compiling the line by then). */
    static final int DIRECT_WARMUP = 5_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--units", defaultValue = "600", description = "units to make good (default 600)")
    int units;

    @Option(names = "--faults", defaultValue = "", description = "fault spec, as for demo")
    String faults;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--warmup", description = "units of a warm-up job run first on the same station and left out "
            + "of every figure (JIT compilation, caches; as JMH warms up before it measures); its books must balance "
            + "too. Default: 5000 with --reads direct, 0 with images (their figures include warm-up)")
    Integer warmup;

    @Option(names = "--reads", defaultValue = "images", description = "images (default: the camera's frames, "
            + "decoded and graded by the station) or direct (a reader sends each printed label's data as a result "
            + "string, generic profile over loopback TCP; nothing drawn or decoded)")
    String reads;

    @Override
    public Integer call() throws IOException {
        if (!reads.equals("images") && !reads.equals("direct")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--reads: '" + reads + "' is neither 'images' nor 'direct'");
        }
        int warmupUnits = warmup != null ? warmup : reads.equals("direct") ? DIRECT_WARMUP : 0;
        if (warmupUnits < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warmup: " + warmupUnits + " is negative");
        }
        Path dir = Files.createTempDirectory("tracemark-bench-line-");
        SimulatedLine.Options options = SimulatedLine.Options.demo(dir)
                .withFaults(LineFaults.parse(faults, DegradationMix.line(), 1))
                .withCodes((units + warmupUnits) * 2 + 100);
        Map<String, Object> doc = new LinkedHashMap<>();
        boolean ok;
        try (SimulatedLine sim = reads.equals("direct") ? SimulatedLine.startReadingDirect(options)
                : SimulatedLine.start(options)) {
            Optional<Reconciliation> warmed = Optional.empty();
            List<String> warmupStops = List.of();
            if (warmupUnits > 0) {
                DemoRun.Outcome w = DemoRun.run(sim, warmupUnits, 0, Duration.ofHours(1));
                warmed = w.books();
                warmupStops = w.stops();
            }
            awaitCodes(sim, units);
            StationCpu cpu = new StationCpu();
            cpu.sample();
            long cpuBefore = cpu.nanos() + sim.decodeCpuNanos();
            Map<String, Long> cpuBeforeByGroup = cpu.nanosByGroup();
            long commitsBefore = sim.database().commits();
            CpuByWindow byWindow = new CpuByWindow(WINDOW);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long verified = sim.line().snapshot().counters().verified(); // before the CPU: never ahead of it
                    cpu.sample();
                    byWindow.sample(verified, cpu.nanos() + sim.decodeCpuNanos(), cpu.nanosByGroup());
                    try {
                        Thread.sleep(SAMPLE_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-cpu-sampler");
            sampler.setDaemon(true);
            sampler.start();
            DemoRun.Outcome outcome = DemoRun.run(sim, units, 0, Duration.ofHours(1));
            sampler.interrupt();
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cpu.sample();
            long stationCpu = cpu.nanos() + sim.decodeCpuNanos() - cpuBefore;
            byWindow.sample(sim.line().snapshot().counters().verified(), cpu.nanos() + sim.decodeCpuNanos(),
                    cpu.nanosByGroup());
            long commits = sim.database().commits() - commitsBefore;
            Reconciliation r = outcome.books().orElseThrow(() -> new TracemarkException("bench line: job did not run: "
                    + outcome.refused().orElse("?")));
            List<Long> latencies = latencies(sim.database(), r.job());
            List<Double> windows = windows(verdictTimes(sim.database(), r.job()));
            doc.put("units", units);
            doc.put("reads", reads);
            doc.put("warmupUnits", warmupUnits);
            boolean warmupOk = warmupUnits == 0 || warmed.map(b -> b.balanced() && b.verified() >= warmupUnits)
                    .orElse(false) && warmupStops.isEmpty();
            doc.put("warmupOk", warmupOk);
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
            long judged = r.verified() + r.rejected();
            Double cpuPerUnit = judged == 0 || !cpu.supported() ? null
                    : Math.round(stationCpu / 1e6 / judged * 1000) / 1000.0;
            doc.put("stationCpuMsPerUnit", cpuPerUnit);
            doc.put("stationCpuMsPerUnitByThread", judged == 0 || !cpu.supported() ? null
                    : CpuByWindow.perUnit(cpu.nanosByGroup(), cpuBeforeByGroup, judged, 0));
            if (reads.equals("images")) {
                List<BufferedImage> frames = sim.cameraFrames();
                doc.put("compressedFrames", CompressedFrameCost.json(CompressedFrameCost.measure(frames), frames.size(),
                        cpuPerUnit));
            }
            doc.put("commitsPerUnit", judged == 0 ? null : Math.round(commits * 1000.0 / judged) / 1000.0);
            doc.put("windowUnits", WINDOW);
            doc.put("unitsPerSecondByWindow", windows);
            doc.put("stationCpuMsPerUnitByWindow", byWindow.msPerUnit());
            doc.put("stationCpuMsPerUnitByThreadByWindow", byWindow.byGroupMsPerUnit(0.01));
            doc.put("targetUnitsPerSecond", 50);
            doc.put("targetStationCpuMsPerUnit", reads.equals("direct") ? 0.5 : 5);
            ok = r.balanced() && outcome.stops().isEmpty() && r.verified() >= units && warmupOk;
            doc.put("ok", ok);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, doc);
        } else {
            doc.forEach((k, v) -> out.println(k + ": " + v));
            out.flush();
        }
        if (!ok) {
            spec.commandLine().getErr().println("bench line: the run is not valid (books balanced, no stop and "
                    + units + " units verified are required, and a warm-up job that balanced): see 'balanced', "
                    + "'stops', 'verified' and 'warmupOk'");
        }
        return ok ? 0 : 1;
    }

    /** Verdict times (ms) of the job's judged units, in order. */
    private static List<Long> verdictTimes(Database db, String job) {
        return db.read(conn -> {
            List<Long> out = new ArrayList<>();
            try (var ps = conn.prepareStatement("SELECT verdict_at FROM units WHERE job_id = ? "
                    + "AND state IN ('VERIFIED', 'REJECTED') ORDER BY verdict_at")) {
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

    /** Units/s in each window of {@link #WINDOW} verdicts (the last one may be shorter, at least 2 verdicts). */
    static List<Double> windows(List<Long> times) {
        List<Double> rates = new ArrayList<>();
        for (int start = 0; start + 1 < times.size(); start += WINDOW) {
            int end = Math.min(times.size(), start + WINDOW) - 1;
            long span = times.get(end) - times.get(start);
            rates.add(span <= 0 ? 0 : Math.round((end - start) * 1000.0 / span * 10) / 10.0);
        }
        return rates;
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

    /**
     * Waits (2 minutes at most) until the station holds the codes the measured job needs, pulling
     * from the platform as an operator would press "pull codes now": after a fast warm-up the
     * station's own top-up may not have come yet, and a job is refused without its codes.
     */
    private static void awaitCodes(SimulatedLine sim, int units) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (sim.station().ledger().countAvailable(SampleStation.SCHEME, SampleStation.PRODUCT) < units
                && System.nanoTime() < deadline) {
            sim.station().platform().ifPresent(p -> p.puller().pullNow());
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

}
