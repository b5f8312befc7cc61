package io.tracemark.cli;

import io.tracemark.label.JobLabels;
import io.tracemark.label.LabelTarget;
import io.tracemark.label.LabelTemplate;
import io.tracemark.label.LabelValues;
import io.tracemark.label.LabelWriter;
import io.tracemark.label.RasterLabel;
import io.tracemark.label.TemplateLibrary;
import io.tracemark.label.ZplRasterizer;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench labels}: label merge throughput on one thread (complete labels and stored-format
 * recalls), bytes per label on the wire in both forms, and rasterizer time per label.
 */
@Command(name = "labels",
        mixinStandardHelpOptions = true,
        description = {"Merge labels on one thread and rasterize some: labels/s, bytes per label, ms per raster.",
            "labels/s are per second of the benchmark thread's CPU time (wall-clock rates are reported too).",
            "Targets: merge >= 20,000 labels/s; stored-format label <= 200 bytes."})
public final class BenchLabelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--template", paramLabel = "T", description = "template (default item-gs1-datamatrix)")
    String template = "item-gs1-datamatrix";

    @Option(names = "--labels", paramLabel = "N", description = "labels to merge per measured round (default 200000)")
    int count = 200_000;

    @Option(names = "--rasterize", paramLabel = "N", description = "labels to rasterize (default 300)")
    int rasterCount = 300;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() {
        LabelTemplate t = TemplateLibrary.standard().load(template);
        LabelTarget target = LabelTarget.standard(t.dotsPerMm());
        LabelWriter writer = t.writer(target);
        Map<String, Object> jobRaw = new LinkedHashMap<>(t.sample());
        jobRaw.remove(t.codeField());
        LabelValues job = LabelValues.of(jobRaw);
        String[] codes = codes(t, Math.max(1000, Math.min(count, 100_000)));
        measure(writer, job, codes, Math.min(count, 20_000), false);
        Rate fullRate = measure(writer, job, codes, count, false);
        Rate recallRate = measure(writer, job, codes, count, true);
        LabelValues one = job.with(Map.of(t.codeField(), codes[0]));
        int fullBytes = writer.label(one).getBytes(StandardCharsets.UTF_8).length;
        int storedBytes = writer.recall(one).getBytes(StandardCharsets.UTF_8).length;
        int formatBytes = writer.storedFormat(job).getBytes(StandardCharsets.UTF_8).length;
        double[] rasterMs = rasterize(writer, job, codes, target);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "labels");
        doc.put("template", t.name());
        doc.put("dotsPerMm", target.dotsPerMm());
        doc.put("labelsMerged", count);
        doc.put("mergeLabelsPerSecond", Math.round(fullRate.cpu()));
        doc.put("recallLabelsPerSecond", Math.round(recallRate.cpu()));
        doc.put("mergeLabelsPerWallSecond", Math.round(fullRate.wall()));
        doc.put("recallLabelsPerWallSecond", Math.round(recallRate.wall()));
        doc.put("bytesPerLabelFull", fullBytes);
        doc.put("bytesPerLabelStored", storedBytes);
        doc.put("storedFormatBytesOnce", formatBytes);
        doc.put("rasterizedLabels", rasterMs.length);
        doc.put("rasterizeMsMedian", round2(rasterMs[rasterMs.length / 2]));
        doc.put("rasterizeMsP95", round2(rasterMs[(int) (rasterMs.length * 0.95)]));
        doc.put("targetsMet", fullRate.cpu() >= 20_000 && storedBytes <= 200);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, doc);
        } else {
            doc.forEach((k, v) -> out.printf("%-24s %s%n", k, v));
            out.flush();
        }
        return 0;
    }

    /** Distinct unit codes for the template's verification field, from a seeded generator. */
    private static String[] codes(LabelTemplate t, int n) {
        Random random = new Random(20240315L);
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        String sample = String.valueOf(t.sample().get(t.codeField()));
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder serial = new StringBuilder();
            for (int k = 0; k < 10; k++) {
                serial.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            out[i] = sample.startsWith("(01)") ? "(01)" + sample.substring(4, 18) + "(21)" + serial : sample + serial;
        }
        return out;
    }

    /** Labels per second of this thread's CPU time (robust to other load on a shared machine) and of wall time. */
    private record Rate(double cpu, double wall) {
    }

    private static Rate measure(LabelWriter writer, LabelValues job, String[] codes, int n, boolean recall) {
        String field = writer.template().codeField();
        long bytes = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        JobLabels labels = writer.forJob(job);
        for (int i = 0; i < n; i++) {
            Map<String, String> unit = Map.of(field, codes[i % codes.length]);
            bytes += (recall ? labels.recall(unit) : labels.label(unit)).length();
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        if (bytes == 0) {
            throw new IllegalStateException("no ZPL written");
        }
        return new Rate(n / (cpuNanos / 1e9), n / (nanos / 1e9));
    }

    private double[] rasterize(LabelWriter writer, LabelValues job, String[] codes, LabelTarget target) {
        ZplRasterizer printer = new ZplRasterizer(target);
        String field = writer.template().codeField();
        printer.feed(writer.storedFormat(job));
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < rasterCount + 50; i++) {
            String zpl = writer.recall(job.with(Map.of(field, codes[i % codes.length])));
            long start = System.nanoTime();
            List<RasterLabel> labels = printer.feed(zpl);
            long nanos = System.nanoTime() - start;
            if (labels.size() != 1) {
                throw new IllegalStateException("expected one label, printed " + labels.size());
            }
            if (i >= 50) {
                ms.add(nanos / 1e6);
            }
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
