package io.tracemark.sim;

import io.tracemark.core.DeviceException;
import io.tracemark.printer.PrinterProfile;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulated physical line: a {@link VirtualPrinter} on a loopback TCP port, a
 * {@link VirtualCamera} in front of which every printed label passes (the camera finds the code on
 * the label by itself, {@link SymbolFinder}), and a {@link VirtualRejectGate}. In the station's
 * process the camera is an image source the station decodes; as its own process
 * ({@code virtual-line}) the camera is also a reader sending result strings ({@link ReaderServer}),
 * an HTTP camera ({@link FrameServer}) and the gate a command server ({@link GateServer}).
 *
 * <p>With an output directory, every printed label is logged to {@code printed.tsv} (label number,
 * tab, the data of its symbol as the printer drew it) before the camera sees it: what left the printer.
 */
public final class VirtualLine implements AutoCloseable {

    /** The log of printed labels in the output directory. */
    public static final String PRINTED_LOG = "printed.tsv";

    /**
     * @param printer            the printer (its port, profile, speed, faults and renderer)
     * @param camera             the camera's optics
     * @param mix                how often frames are degraded, and how
     * @param cameraSeed         seed of the camera's degradations
     * @param gate               what goes wrong with the gate
     * @param gateConfirmTimeout ms after which an unconfirmed reject is reported as such
     * @param outDir             where {@value #PRINTED_LOG} goes, or null
     */
    public record Settings(VirtualPrinter.Settings printer, CameraSettings camera, DegradationMix mix, long cameraSeed,
                           GatePlan gate, long gateConfirmTimeout, Path outDir) {

        /** A healthy line for a printer profile: instant printer on a free port, standard camera. */
        public static Settings healthy(PrinterProfile profile, LabelRenderer renderer) {
            return new Settings(VirtualPrinter.Settings.instant(profile).withRenderer(renderer), CameraSettings.standard(),
                    DegradationMix.none(), 1, GatePlan.NONE, 200, null);
        }
    }

    private final VirtualPrinter printer;
    private final VirtualCamera camera;
    private final VirtualRejectGate gate;
    private final SymbolFinder finder = new SymbolFinder();
    private final AtomicReference<BufferedImage> lastLabel = new AtomicReference<>();
    private final BufferedWriter printedLog;
    private final java.util.List<java.util.function.BiConsumer<Long, LabelSymbol>> downstream =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public VirtualLine(Settings settings) {
        this(settings, null);
    }

    /**
     * A line whose reader learns each label from the printer instead of from camera frames: every
     * printed label goes to {@code reader} and the camera sees nothing (no label is drawn for it).
     *
     * @param reader receives every printed label, or null for the camera
     */
    public VirtualLine(Settings settings, PrintedLabelListener reader) {
        this.printer = new VirtualPrinter(settings.printer());
        this.camera = new VirtualCamera(settings.camera(), settings.mix(), settings.cameraSeed());
        this.gate = new VirtualRejectGate("virtual-gate", settings.gate(), settings.gateConfirmTimeout());
        this.printedLog = settings.outDir() == null ? null : openLog(settings.outDir());
        if (reader != null) {
            printer.addListener(reader);
            return;
        }
        printer.addListener(camera.viewing(label -> {
            BufferedImage image = label.image().get();
            lastLabel.set(image);
            LabelSymbol symbol = finder.find(image);
            logPrinted(label.seq(), symbol);
            downstream.forEach(d -> d.accept(label.seq(), symbol));
            return symbol.box();
        }));
    }

    /**
     * Where every label goes after the camera, down the line (to the case packer): its number and what it
     * carries. Not called on a line whose reader learns the labels from the printer (nothing is drawn there).
     */
    public void addDownstream(java.util.function.BiConsumer<Long, LabelSymbol> station) {
        downstream.add(station);
    }

    /** Starts the printer listening; returns its port. */
    public int start() {
        return printer.start();
    }

    public VirtualPrinter printer() {
        return printer;
    }

    public VirtualCamera camera() {
        return camera;
    }

    public VirtualRejectGate gate() {
        return gate;
    }

    /** The label printed last, as the printer drew it (for the panel's label view). */
    public Optional<BufferedImage> lastLabel() {
        return Optional.ofNullable(lastLabel.get());
    }

    /** What an operator does at the machine after a fault: reload paper and ribbon, close the head, resume. */
    public void fixDevices() {
        printer.clearFault();
        printer.setHeadOpen(false);
        printer.setPaused(false);
    }

    private static BufferedWriter openLog(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.newBufferedWriter(dir.resolve(PRINTED_LOG), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new DeviceException("virtual line", "cannot write " + dir.resolve(PRINTED_LOG) + ": " + e.getMessage(), e);
        }
    }

    private void logPrinted(long seq, LabelSymbol symbol) {
        if (printedLog == null) {
            return;
        }
        synchronized (printedLog) {
            try {
                printedLog.write(seq + "\t" + symbol.data().replace("\n", " ") + "\n");
                printedLog.flush();
            } catch (IOException e) {
                throw new DeviceException("virtual line", "cannot write the printed-label log: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        try {
            printer.close();
            camera.close();
            gate.close();
        } finally {
            if (printedLog != null) {
                synchronized (printedLog) {
                    try {
                        printedLog.close();
                    } catch (IOException ignored) {
                        // closing: nothing more to write
                    }
                }
            }
        }
    }
}
