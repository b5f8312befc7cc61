package io.tracemark.cli;

import io.tracemark.sim.CameraSettings;
import io.tracemark.sim.DegradationMix;
import io.tracemark.sim.DegradationPlan;
import io.tracemark.sim.ExpectedQuality;
import io.tracemark.sim.SampleLabels;
import io.tracemark.sim.VirtualCamera;
import io.tracemark.verify.Expectation;
import io.tracemark.verify.GrayImage;
import io.tracemark.verify.Verification;
import io.tracemark.verify.Verifier;
import io.tracemark.codes.ElementString;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench verify [--frames N] [--seed S] [--json]}: decode + grade time per 1280×1024 frame with
 * the code box known and without it, and the read rate on a seeded degraded corpus from the virtual
 * camera (same corpus mix as the test suite).
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = "Decode+grade time per 1280x1024 frame (code box known / searched) and read rate on a"
                + " seeded degraded corpus.")
public final class BenchVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--frames", defaultValue = "400", description = "corpus frames (default ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--search-frames", defaultValue = "60",
            description = "frames decoded without the code box (default ${DEFAULT-VALUE})")
    int searchFrames;

    @Option(names = "--seed", defaultValue = "20261126", description = "corpus seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    /** Timing summary in milliseconds. */
    record Timing(int frames, double medianMs, double p95Ms, double maxMs, double cpuMedianMs) {
    }

    /** The JSON document. */
    record Report(String benchmark, int frameWidth, int frameHeight, Timing withRoi, Timing withoutRoi,
                  int goodFrames, int goodRead, double readRateGood, int goodPassed, double passRateGood,
                  int marginalFrames, int marginalPassed, int mustFailFrames, int falseAccepts, long seed) {
    }

    @Override
    public Integer call() {
        if (frames < 10 || searchFrames < 0) {
            throw new IllegalArgumentException("--frames must be >= 10 and --search-frames >= 0");
        }
        CameraSettings cam = CameraSettings.standard();
        VirtualCamera camera = new VirtualCamera(cam, DegradationMix.corpus(), seed);
        Verifier verifier = Verifier.standard();
        List<Double> roiTimes = new ArrayList<>();
        List<Double> searchTimes = new ArrayList<>();
        List<Double> roiCpu = new ArrayList<>();
        List<Double> searchCpu = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int[] good = new int[3];
        int[] marginal = new int[2];
        int mustFail = 0;
        int falseAccepts = 0;
        warmUp(verifier, cam);
        for (int i = 0; i < frames; i++) {
            SampleLabels.Label label = SampleLabels.label(i, seed);
            VirtualCamera.CapturedFrame frame = camera.capture(label.image(), label.codeBox());
            DegradationPlan plan = frame.plan();
            Optional<Expectation> expect = Optional.of(expectation(label));
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Verification v = verifier.verify(GrayImage.of(frame.image()), plan.codeBox(), expect);
            roiTimes.add((System.nanoTime() - t0) / 1e6);
            roiCpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
            if (i < searchFrames) {
                long c1 = threads.getCurrentThreadCpuTime();
                long t1 = System.nanoTime();
                verifier.verify(GrayImage.of(frame.image()), Optional.empty(), expect);
                searchTimes.add((System.nanoTime() - t1) / 1e6);
                searchCpu.add((threads.getCurrentThreadCpuTime() - c1) / 1e6);
            }
            boolean rightContent = v.read() && v.data().equals(label.expected());
            if (v.pass() && (!rightContent || plan.expected() == ExpectedQuality.MUST_FAIL)) {
                falseAccepts++;
            }
            switch (plan.expected()) {
                case GOOD -> {
                    good[0]++;
                    good[1] += rightContent ? 1 : 0;
                    good[2] += v.pass() ? 1 : 0;
                }
                case MARGINAL -> {
                    marginal[0]++;
                    marginal[1] += v.pass() ? 1 : 0;
                }
                case MUST_FAIL -> mustFail++;
            }
        }
        Report report = new Report("verify", cam.width(), cam.height(), timing(roiTimes, roiCpu), timing(searchTimes, searchCpu),
                good[0], good[1], rate(good[1], good[0]), good[2], rate(good[2], good[0]), marginal[0], marginal[1],
                mustFail, falseAccepts, seed);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, report);
        } else {
            out.printf("decode+grade per %dx%d frame, code box known: median %.2f ms (cpu %.2f), p95 %.2f ms (%d frames)%n",
                    cam.width(), cam.height(), report.withRoi().medianMs(), report.withRoi().cpuMedianMs(),
                    report.withRoi().p95Ms(), frames);
            out.printf("decode+grade per frame, whole frame searched: median %.2f ms (cpu %.2f), p95 %.2f ms (%d frames)%n",
                    report.withoutRoi().medianMs(), report.withoutRoi().cpuMedianMs(), report.withoutRoi().p95Ms(),
                    searchTimes.size());
            out.printf("read rate on frames of true quality C or better: %d/%d = %.2f %% (passed %d)%n",
                    good[1], good[0], 100 * report.readRateGood(), good[2]);
            out.printf("false accepts: %d (of %d must-fail frames)%n", falseAccepts, mustFail);
            out.flush();
        }
        return 0;
    }

    private void warmUp(Verifier verifier, CameraSettings cam) {
        VirtualCamera camera = new VirtualCamera(cam, DegradationMix.none(), seed + 1);
        for (int i = 0; i < 20; i++) {
            SampleLabels.Label label = SampleLabels.label(i, seed + 1);
            VirtualCamera.CapturedFrame frame = camera.capture(label.image(), label.codeBox());
            verifier.verify(GrayImage.of(frame.image()), frame.plan().codeBox(), Optional.empty());
        }
    }

    static Expectation expectation(SampleLabels.Label label) {
        if (label.expected().startsWith("http")) {
            return Expectation.parse(label.expected());
        }
        return Expectation.parse(ElementString.parseRaw(label.expected(), ElementString.GS).toBracketed());
    }

    /** Wall-clock figures, and the median CPU time of the thread (robust on a shared machine). */
    private static Timing timing(List<Double> ms, List<Double> cpu) {
        if (ms.isEmpty()) {
            return new Timing(0, 0, 0, 0, 0);
        }
        double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] c = cpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int p95 = (int) Math.min(a.length - 1, Math.ceil(a.length * 0.95) - 1);
        return new Timing(a.length, round(a[a.length / 2]), round(a[p95]), round(a[a.length - 1]),
                round(c[c.length / 2]));
    }

    private static double rate(int n, int of) {
        return of == 0 ? 0 : Math.round(10000.0 * n / of) / 10000.0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
