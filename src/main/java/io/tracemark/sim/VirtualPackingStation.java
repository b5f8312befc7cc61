package io.tracemark.sim;

import io.tracemark.printer.PrinterProfile;
import java.time.Duration;

/**
 * The virtual line's packing station: the {@link VirtualCasePacker}'s reader that reads units as they go
 * into the case, and a case-label printer (a {@link VirtualPrinter} on its own loopback port) with a
 * reader in front of it ({@code labelReader}: it receives every printed case label, as a fixed-mount
 * reader over the label's exit would).
 */
public final class VirtualPackingStation implements AutoCloseable {

    private final VirtualCasePacker casePacker;
    private final VirtualPrinter labelPrinter;

    /**
     * @param line        the virtual line whose units arrive at the packer
     * @param travel      from the camera to the case packer
     * @param profile     the case-label printer's profile
     * @param renderer    how the case-label printer renders its labels
     * @param labelReader what reads the printed case labels
     */
    public VirtualPackingStation(VirtualLine line, Duration travel, PrinterProfile profile, LabelRenderer renderer,
                                 PrintedLabelListener labelReader) {
        this.casePacker = new VirtualCasePacker(travel);
        this.labelPrinter = new VirtualPrinter(VirtualPrinter.Settings.instant(profile).withRenderer(renderer)
                .withName("virtual-case-printer"));
        labelPrinter.addListener(labelReader);
        line.addDownstream(casePacker);
    }

    /** Starts the case-label printer listening. */
    public void start() {
        labelPrinter.start();
    }

    public VirtualCasePacker casePacker() {
        return casePacker;
    }

    public VirtualPrinter labelPrinter() {
        return labelPrinter;
    }

    @Override
    public void close() {
        try {
            labelPrinter.close();
        } finally {
            casePacker.close();
        }
    }
}
