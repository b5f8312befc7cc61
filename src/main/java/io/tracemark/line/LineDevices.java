package io.tracemark.line;

import io.tracemark.printer.JobSettings;
import io.tracemark.printer.Printer;
import io.tracemark.verify.RejectGate;
import io.tracemark.verify.Scanner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The devices of one line, by the names jobs use. The composition root builds them (real transports
 * or the simulated line) and hands them over; the line controller opens and closes them.
 */
public final class LineDevices {

    private final Map<String, Printer> printers;
    private final Map<String, JobSettings> printerSettings;
    private final Map<String, Scanner> scanners;
    private final RejectGate gate;

    /**
     * @param printerSettings the job start settings (speed, darkness, media, size) of each printer, by name
     */
    public LineDevices(Map<String, Printer> printers, Map<String, JobSettings> printerSettings,
                       Map<String, Scanner> scanners, RejectGate gate) {
        if (!printerSettings.keySet().containsAll(printers.keySet())) {
            throw new IllegalArgumentException("job settings missing for printers " + printers.keySet()
                    + ", have " + printerSettings.keySet());
        }
        this.printers = new LinkedHashMap<>(printers);
        this.printerSettings = new LinkedHashMap<>(printerSettings);
        this.scanners = new LinkedHashMap<>(scanners);
        this.gate = gate;
    }

    public Optional<Printer> printer(String name) {
        return Optional.ofNullable(printers.get(name));
    }

    /** The start settings of a configured printer. */
    public JobSettings settings(String printer) {
        return printerSettings.get(printer);
    }

    public Optional<Scanner> scanner(String name) {
        return Optional.ofNullable(scanners.get(name));
    }

    public List<String> printerNames() {
        return List.copyOf(printers.keySet());
    }

    public List<String> scannerNames() {
        return List.copyOf(scanners.keySet());
    }

    /** The reject gate every scanner's rejects go to. */
    public RejectGate gate() {
        return gate;
    }

    /** Closes every device; failures are ignored (the station is shutting down). */
    public void closeAll() {
        printers.values().forEach(LineDevices::closeQuietly);
        scanners.values().forEach(LineDevices::closeQuietly);
        closeQuietly(gate);
    }

    private static void closeQuietly(AutoCloseable device) {
        try {
            device.close();
        } catch (Exception ignored) {
            // shutting down: nothing else to do with a device that will not close
        }
    }
}
