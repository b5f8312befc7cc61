package io.tracemark.cli;

import io.tracemark.device.DeviceRegistry;
import io.tracemark.printer.JobSettings;
import io.tracemark.printer.LabelJob;
import io.tracemark.printer.PrintConfirmation;
import io.tracemark.printer.PrinterListener;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.printer.PrinterStatus;
import io.tracemark.printer.ZplPrinter;
import io.tracemark.printer.ZplPrinterOptions;
import io.tracemark.sim.VirtualPrinter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench printer}: labels per second through the ZPL driver over TCP to a virtual printer that
 * prints instantly, bytes per label on the wire (full format vs stored format, status polls
 * included), and driver CPU per label (submitting thread + poller + event thread, from ThreadMXBean).
 */
@Command(name = "printer", mixinStandardHelpOptions = true,
        description = "Driver throughput, bytes per label and CPU per label against an instant virtual printer.")
final class PrinterBench implements Runnable {

    private static final String DF = "^XA^DFR:UNIT.ZPL^FS^CI28^PW800^LL400"
            + "^FO40,30^A0N,28,28^FD产品名称 Product^FS"
            + "^FO40,70^A0N,24,24^FN1^FS^FO40,110^A0N,24,24^FN2^FS^FO40,150^A0N,24,24^FN3^FS"
            + "^FO520,40^BXN,8,200,,,,_^FN4^FS^XZ";

    @Spec
    CommandSpec spec;

    @Option(names = "--labels", defaultValue = "2000", description = "labels per phase")
    int labels;

    @Option(names = "--look-ahead", defaultValue = "2", description = "driver look-ahead")
    int lookAhead;

    @Option(names = "--poll-ms", defaultValue = "1", description = "shortest interval between ~HS polls while busy")
    long pollMs;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public void run() {
        PrinterProfile profile = PrinterProfiles.load("zt411-203");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("bench", "printer");
        doc.put("labels", labels);
        doc.put("lookAhead", lookAhead);
        doc.put("pollMs", pollMs);
        doc.put("fullFormat", phase(profile, false, PrinterBench::fullLabel, PrintConfirmation.COUNTERS));
        doc.put("storedFormat", phase(profile, true, PrinterBench::storedLabel, PrintConfirmation.COUNTERS));
        doc.put("storedFormatHostVerified", phase(profile, true, PrinterBench::storedLabel,
                PrintConfirmation.HOST_VERIFICATION));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, doc);
        } else {
            doc.forEach((k, v) -> out.println(k + ": " + v));
            out.flush();
        }
    }

    private Map<String, Object> phase(PrinterProfile profile, boolean stored, LongFunction<String> zpl,
                                      PrintConfirmation confirmation) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ZplPrinterOptions options = ZplPrinterOptions.defaults().withLookAhead(lookAhead).withConfirmation(confirmation)
                .withPolling(Duration.ofMillis(pollMs), Duration.ofMillis(500));
        try (VirtualPrinter vp = new VirtualPrinter(VirtualPrinter.Settings.instant(profile))) {
            vp.start();
            CountDownLatch done = new CountDownLatch(labels);
            ZplPrinter driver = new ZplPrinter(DeviceRegistry.withStandardTransports().create(vp.uri()), options);
            driver.addListener(new PrinterListener() {
                @Override
                public void printed(long unitId) {
                    done.countDown();
                }

                @Override
                public void fault(PrinterStatus status) {
                    throw new IllegalStateException("bench printer faulted: " + status.summary());
                }
            });
            driver.open(JobSettings.from(profile));
            if (stored) {
                driver.downloadFormat(DF);
            }
            long bytesBefore = vp.bytesReceived();
            long cpuBefore = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (long unit = 1; unit <= labels; unit++) {
                driver.submit(new LabelJob(unit, zpl.apply(unit)));
            }
            awaitAll(done);
            long elapsed = System.nanoTime() - start;
            long cpuNanos = cpu.getCurrentThreadCpuTime() - cpuBefore + driverThreadsCpu(cpu, driver.device());
            long bytes = vp.bytesReceived() - bytesBefore;
            driver.close();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("labelsPerSecond", Math.round(labels / (elapsed / 1e9)));
            r.put("bytesPerLabel", Math.round((double) bytes / labels));
            r.put("labelBytes", zpl.apply(1).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            r.put("driverCpuMicrosPerLabel", Math.round(cpuNanos / 1e3 / labels * 10) / 10.0);
            r.put("printed", vp.printedCount());
            return r;
        }
    }

    private static void awaitAll(CountDownLatch done) {
        try {
            if (!done.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("bench printer: " + done.getCount() + " labels unconfirmed after 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** CPU used so far by the driver's own threads (poller, events) for {@code device}. */
    private static long driverThreadsCpu(ThreadMXBean cpu, String device) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("zpl-") && t.getName().endsWith(device)) {
                total += Math.max(0, cpu.getThreadCpuTime(t.getId()));
            }
        }
        return total;
    }

    static String fullLabel(long unit) {
        String serial = String.format("%012d", unit);
        return "^XA^CI28^PW800^LL400^FO40,30^A0N,28,28^FD产品名称 Product^FS"
                + "^FO40,70^A0N,24,24^FDGTIN 06901234567892^FS^FO40,110^A0N,24,24^FDLOT 2024A01^FS"
                + "^FO40,150^A0N,24,24^FDSN " + serial + "^FS"
                + "^FO520,40^BXN,8,200,,,,_^FD_10106901234567892" + "21" + serial + "^FS^PQ1^XZ";
    }

    static String storedLabel(long unit) {
        String serial = String.format("%012d", unit);
        return "^XA^XFR:UNIT.ZPL^FN1^FDGTIN 06901234567892^FS^FN2^FDLOT 2024A01^FS^FN3^FDSN " + serial
                + "^FS^FN4^FD_10106901234567892" + "21" + serial + "^FS^XZ";
    }
}
