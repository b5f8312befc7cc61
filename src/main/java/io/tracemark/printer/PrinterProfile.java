package io.tracemark.printer;

/**
 * A printer model's facts and the station's defaults for it, loaded from
 * {@code printer-profiles/NAME.yaml} by {@link PrinterProfiles}. Valid by construction: the loader
 * refuses impossible values (a label wider than the head, a default speed outside the range).
 *
 * @param name            profile name (the file name without {@code .yaml})
 * @param model           maker and model, e.g. "Zebra ZT411 203 dpi"
 * @param resolutionDpmm  dots per millimetre (8 = 203 dpi, 12 = 300 dpi)
 * @param maxPrintWidthMm widest printable line of the head
 * @param speedIps        print speed range and default, inches per second
 * @param darkness        darkness range and default ({@code ~SD}, 0..30)
 * @param media           print method
 * @param label           default label size
 * @param transport       link defaults
 * @param cjkFont         how Chinese text reaches the label
 * @param storedFormats   whether {@code ^DF}/{@code ^XF} stored formats are used
 * @param statusPolling   whether the printer answers {@code ~HS} (printed labels are then counted by it)
 * @param lookAhead       labels the driver keeps queued in the printer
 * @param confirmation    how a printed label is confirmed ({@code ^HV} replies, the odometer, or {@code ~HS} counters)
 * @param mediaTracking   gap, continuous or mark media ({@code ^MN}, sent with every job); null for inkjet
 * @param objectNameLength longest {@code ^DF}/{@code ^XF} object name the firmware takes (8, or 16 with long filenames)
 */
public record PrinterProfile(String name, String model, int resolutionDpmm, double maxPrintWidthMm,
                             SpeedRange speedIps, DarknessRange darkness, MediaKind media, LabelSize label,
                             TransportDefaults transport, CjkFont cjkFont, boolean storedFormats,
                             boolean statusPolling, int lookAhead, PrintConfirmation confirmation,
                             MediaTracking mediaTracking, int objectNameLength) {

    /** ZPL II guide, ^PR: print speeds run to 14 inches per second (printer-dependent below that). */
    public static final int MAX_PR_IPS = 14;

    /** Speed range in inches per second; {@code ^PR} takes the value. */
    public record SpeedRange(int min, int max, int defaultIps) {
    }

    /** Darkness range ({@code ~SD} 00..30). */
    public record DarknessRange(int min, int max, int defaultValue) {
    }

    /** Default label size in millimetres. */
    public record LabelSize(double widthMm, double lengthMm) {
    }

    /**
     * Link defaults: the raw TCP port and the serial line settings, as a URI query.
     *
     * @param tcpPort raw printing port
     * @param serial  serial settings as URI query text, e.g. {@code baud=9600&parity=none&flow=none}
     */
    public record TransportDefaults(int tcpPort, String serial) {
    }

    /** How Chinese text is printed. */
    public enum CjkFontMode {
        /** A font resident in the printer ({@link CjkFont#residentName()}, e.g. {@code E:SIMSUN.TTF}). */
        RESIDENT,
        /** A TrueType font downloaded once per job. */
        DOWNLOAD,
        /** Text rendered to a bitmap ({@code ^GF}) by the station. */
        BITMAP
    }

    /**
     * @param mode         resident, download or bitmap
     * @param residentName the printer's font file when resident, else empty
     */
    public record CjkFont(CjkFontMode mode, String residentName) {
    }

    /** Print width in dots for the default label. */
    public int printWidthDots() {
        return (int) Math.round(label.widthMm() * resolutionDpmm);
    }

    /** Label length in dots for the default label. */
    public int labelLengthDots() {
        return (int) Math.round(label.lengthMm() * resolutionDpmm);
    }

    /** Resolution in dots per inch as data sheets name it (8 dpmm = 203 dpi, 12 dpmm = 300 dpi). */
    public int dpi() {
        return switch (resolutionDpmm) {
            case 6 -> 152;
            case 8 -> 203;
            case 12 -> 300;
            case 24 -> 600;
            default -> (int) Math.floor(resolutionDpmm * 25.4);
        };
    }
}
