package io.tracemark.cli;

import io.tracemark.app.RasterRenderer;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.sim.FaultPlan;
import io.tracemark.sim.VirtualPrinter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code virtual-printer}: a ZPL printer emulator on TCP, writing each printed label as PNG. */
@Command(name = "virtual-printer", mixinStandardHelpOptions = true,
        description = "Run a ZPL printer emulator on 127.0.0.1 (answers ~HS/~HQES, renders labels to PNG).")
public final class VirtualPrinterCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "9100", description = "TCP port; 0 picks a free one (logged)")
    int port;

    @Option(names = "--out", description = "directory for label-NNNNNN.png files")
    Path out;

    @Option(names = "--profile", defaultValue = "zt411-203", description = "printer profile name or YAML path")
    String profile;

    @Option(names = "--faults", defaultValue = "", description = "fault plan, e.g. paperOutAfter=500,smearEvery=97,seed=7")
    String faults;

    @Option(names = "--speed", defaultValue = "0", description = "labels per second; 0 prints instantly")
    double speed;

    @Option(names = "--max-labels", defaultValue = "0", description = "exit after this many labels (0: run until killed)")
    long maxLabels;

    @Override
    public Integer call() throws InterruptedException {
        PrinterProfile p = PrinterProfiles.load(profile);
        FaultPlan plan = FaultPlan.parse(faults);
        if (speed < 0) {
            throw new IllegalArgumentException("--speed must be 0 (instant) or positive, got " + speed);
        }
        VirtualPrinter printer = new VirtualPrinter(new VirtualPrinter.Settings("virtual-printer", port, p, speed, plan,
                RasterRenderer.of(p), out));
        CountDownLatch done = new CountDownLatch(1);
        if (maxLabels > 0) {
            printer.addListener(label -> {
                if (label.seq() >= maxLabels) {
                    done.countDown();
                }
            });
        }
        try (printer) {
            int bound = printer.start();
            System.err.println("virtual-printer listening on 127.0.0.1:" + bound);
            done.await();
        }
        return 0;
    }
}
