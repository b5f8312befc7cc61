package io.tracemark.cli;

import io.tracemark.sim.CameraSettings;
import io.tracemark.sim.DegradationMix;
import io.tracemark.sim.DegradationPlan;
import io.tracemark.sim.ExpectedQuality;
import io.tracemark.sim.SampleLabels;
import io.tracemark.sim.TemplateCorpus;
import io.tracemark.sim.VirtualCamera;
import io.tracemark.verify.Expectation;
import io.tracemark.verify.GrayImage;
import io.tracemark.verify.Verification;
import io.tracemark.verify.Verifier;
import io.tracemark.codes.ElementString;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
 * {@code bench verify [--frames N] [--seed S] [--corpus-frames N] [--unreadable-frames N] [--zxing-cpp DIR]
 * [--json]}: decode +
 * grade time per 1280×1024 frame with the code box known and without it, and the read rate on a
 * seeded degraded corpus from the virtual camera (same corpus mix as the test suite); then the
 * template corpus (every shipped template, any rotation, modules 2–8 px, anywhere in the frame) read
 * by the station and by zxing-cpp on the same frames; last, the cost of frames that hold no readable
 * symbol (the whole frame searched until the work budget runs out).
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

    @Option(names = "--corpus-frames", defaultValue = "120",
            description = "frames of the template corpus (every shipped template, any rotation, modules 2-8 px;"
                    + " default ${DEFAULT-VALUE}; 0 skips it)")
    int corpusFrames;

    @Option(names = "--unreadable-frames", defaultValue = "60",
            description = "frames without a readable symbol (blank label, label without code, smeared code) searched"
                    + " without the box, for the cost of a frame that reads nothing (default ${DEFAULT-VALUE}; 0 skips it)")
    int unreadableFrames;

    @Option(names = "--zxing-cpp", paramLabel = "DIR", defaultValue = "test-support/zxing-cpp",
            description = "folder with zxing-cpp's read.mjs and the npm package zxing-wasm (npm ci there), run by"
                    + " node on the same corpus frames as the reference (default ${DEFAULT-VALUE}; when the folder"
                    + " is missing the reference figures are left out)")
    Path zxingCpp;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    /** Timing summary in milliseconds. */
    record Timing(int frames, double medianMs, double p95Ms, double maxMs, double cpuMedianMs) {
    }

    /**
     * The template corpus: station vs zxing-cpp on the same frames. {@code zxingCppRead} is -1 when
     * the reference was not run; {@code stationMissedZxingCppReads} counts frames zxing-cpp read and
     * the station (without the box) did not; misreads are reads of any other content than the label's.
     */
    record CorpusReport(int frames, int mildFrames, int zxingCppRead, double zxingCppReadRate, int stationRead,
                        double stationReadRate, int stationReadWithBox, int stationReadMild,
                        int stationMissedZxingCppReads, int misreads, Timing withBox, Timing wholeFrame,
                        String templates) {
    }

    /**
     * Frames of the template corpus without a readable symbol, verified without the box: any read of
     * a blank label or a label without code is a misread; CPU time of the verifying thread per frame.
     */
    record UnreadableReport(int frames, String kinds, int read, int misreads, double cpuMedianMs, double cpuP99Ms,
                            double cpuMaxMs) {
    }

    /** The JSON document. */
    record Report(String benchmark, int frameWidth, int frameHeight, Timing withRoi, Timing withoutRoi,
                  int goodFrames, int goodRead, double readRateGood, int goodPassed, double passRateGood,
                  int marginalFrames, int marginalPassed, int mustFailFrames, int falseAccepts, long seed,
                  CorpusReport templateCorpus, UnreadableReport unreadable) {
    }

    @Override
    public Integer call() {
        if (frames < 10 || searchFrames < 0 || unreadableFrames < 0) {
            throw new IllegalArgumentException("--frames must be >= 10, --search-frames and --unreadable-frames >= 0");
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
        CorpusReport corpus = corpusFrames > 0 ? corpus(verifier, threads) : null;
        UnreadableReport unreadable = unreadableFrames > 0 ? unreadable(verifier, threads) : null;
        Report report = new Report("verify", cam.width(), cam.height(), timing(roiTimes, roiCpu), timing(searchTimes, searchCpu),
                good[0], good[1], rate(good[1], good[0]), good[2], rate(good[2], good[0]), marginal[0], marginal[1],
                mustFail, falseAccepts, seed, corpus, unreadable);
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
            if (corpus != null) {
                out.printf("template corpus (%d frames): zxing-cpp read %s, station read %d without the box (%d with it),"
                                + " mild %d/%d, missed what zxing-cpp read %d, misreads %d%n", corpus.frames(),
                        corpus.zxingCppRead() < 0 ? "(not run)" : String.valueOf(corpus.zxingCppRead()),
                        corpus.stationRead(), corpus.stationReadWithBox(), corpus.stationReadMild(), corpus.mildFrames(),
                        corpus.stationMissedZxingCppReads(), corpus.misreads());
                out.printf("template corpus decode+grade: box known median %.2f ms (cpu %.2f), whole frame median %.2f ms"
                                + " (cpu %.2f)%n", corpus.withBox().medianMs(), corpus.withBox().cpuMedianMs(),
                        corpus.wholeFrame().medianMs(), corpus.wholeFrame().cpuMedianMs());
            }
            if (unreadable != null) {
                out.printf("frames without a readable symbol (%d: %s): read %d, misreads %d, cpu median %.2f ms,"
                                + " p99 %.2f ms, max %.2f ms%n", unreadable.frames(), unreadable.kinds(), unreadable.read(),
                        unreadable.misreads(), unreadable.cpuMedianMs(), unreadable.cpuP99Ms(), unreadable.cpuMaxMs());
            }
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

    /** The template corpus through the station's verifier (with and without the box) and through zxing-cpp. */
    private CorpusReport corpus(Verifier verifier, ThreadMXBean threads) {
        TemplateCorpus corpus = TemplateCorpus.bundled(seed);
        Optional<ZxingCppOracle> oracle = Files.isDirectory(zxingCpp) ? Optional.of(new ZxingCppOracle(zxingCpp))
                : Optional.empty();
        List<Double> boxMs = new ArrayList<>();
        List<Double> boxCpu = new ArrayList<>();
        List<Double> wholeMs = new ArrayList<>();
        List<Double> wholeCpu = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        boolean[] stationRead = new boolean[corpusFrames];
        int withBox = 0;
        int mild = 0;
        int mildRead = 0;
        int misreads = 0;
        Path dir = null;
        try {
            dir = oracle.isPresent() ? Files.createTempDirectory("tracemark-bench-verify") : null;
            for (int i = 0; i < corpusFrames; i++) {
                TemplateCorpus.CorpusFrame f = corpus.frame(i);
                GrayImage gray = GrayImage.of(f.image());
                String want = f.template().expected();
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Verification boxed = verifier.verify(gray, Optional.of(f.codeBox()), Optional.empty());
                boxMs.add((System.nanoTime() - t0) / 1e6);
                boxCpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
                long c1 = threads.getCurrentThreadCpuTime();
                long t1 = System.nanoTime();
                Verification whole = verifier.verify(gray, Optional.empty(), Optional.empty());
                wholeMs.add((System.nanoTime() - t1) / 1e6);
                wholeCpu.add((threads.getCurrentThreadCpuTime() - c1) / 1e6);
                misreads += (boxed.read() && !boxed.data().equals(want) ? 1 : 0)
                        + (whole.read() && !whole.data().equals(want) ? 1 : 0);
                withBox += boxed.read() && boxed.data().equals(want) ? 1 : 0;
                stationRead[i] = whole.read() && whole.data().equals(want);
                if (f.mild()) {
                    mild++;
                    mildRead += stationRead[i] ? 1 : 0;
                }
                if (dir != null) {
                    Path file = dir.resolve("frame-" + i + ".png");
                    javax.imageio.ImageIO.write(f.image(), "png", file.toFile());
                    files.add(file);
                }
                expected.add(want);
            }
            int zRead = -1;
            int missed = 0;
            if (oracle.isPresent()) {
                zRead = 0;
                Map<Path, ZxingCppOracle.Read> reads = oracle.get().read(files);
                for (int i = 0; i < files.size(); i++) {
                    ZxingCppOracle.Read z = reads.get(files.get(i));
                    boolean ok = z.read() && plain(z.text()).equals(plain(expected.get(i)));
                    zRead += ok ? 1 : 0;
                    missed += ok && !stationRead[i] ? 1 : 0;
                }
            }
            int read = 0;
            for (boolean b : stationRead) {
                read += b ? 1 : 0;
            }
            String names = String.join(",", corpus.templates().stream().map(TemplateCorpus.Template::name).toList());
            return new CorpusReport(corpusFrames, mild, zRead, zRead < 0 ? -1 : rate(zRead, corpusFrames), read,
                    rate(read, corpusFrames), withBox, mildRead, missed, misreads, timing(boxMs, boxCpu),
                    timing(wholeMs, wholeCpu), names);
        } catch (IOException e) {
            throw new IllegalStateException("bench verify: cannot write corpus frames for zxing-cpp: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private UnreadableReport unreadable(Verifier verifier, ThreadMXBean threads) {
        TemplateCorpus corpus = TemplateCorpus.bundled(seed);
        List<Double> cpu = new ArrayList<>();
        int read = 0;
        int misreads = 0;
        for (int i = 0; i < unreadableFrames; i++) {
            TemplateCorpus.CorpusFrame f = corpus.unreadableFrame(i);
            GrayImage gray = GrayImage.of(f.image());
            long c0 = threads.getCurrentThreadCpuTime();
            Verification v = verifier.verify(gray, Optional.empty(), Optional.empty());
            cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
            read += v.read() ? 1 : 0;
            boolean smeared = TemplateCorpus.unreadableKind(i) == TemplateCorpus.Unreadable.SMEARED;
            misreads += v.read() && !(smeared && v.data().equals(f.template().expected())) ? 1 : 0;
        }
        double[] c = cpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int p99 = (int) Math.min(c.length - 1, Math.ceil(c.length * 0.99) - 1);
        String kinds = String.join(",", java.util.Arrays.stream(TemplateCorpus.Unreadable.values())
                .map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).toList());
        return new UnreadableReport(unreadableFrames, kinds, read, misreads, round(c[c.length / 2]), round(c[p99]),
                round(c[c.length - 1]));
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    /** Decoded text without a leading GS (the FNC1 the symbology identifier already announces). */
    static String plain(String text) {
        return text.startsWith("\u001d") ? text.substring(1) : text;
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
