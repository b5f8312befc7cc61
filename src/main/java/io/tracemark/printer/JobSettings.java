package io.tracemark.printer;

/**
 * What a job tells the printer before its first label.
 *
 * @param speedIps        print speed, inches per second ({@code ^PR})
 * @param darkness        darkness 0..30 ({@code ~SD})
 * @param media           print method ({@code ^MT}: T or D; nothing for inkjet)
 * @param printWidthDots  print width ({@code ^PW})
 * @param labelLengthDots label length ({@code ^LL})
 */
public record JobSettings(int speedIps, int darkness, MediaKind media, int printWidthDots, int labelLengthDots) {

    public JobSettings {
        if (speedIps < 1 || darkness < 0 || darkness > 30 || printWidthDots < 1 || labelLengthDots < 1) {
            throw new IllegalArgumentException("impossible job settings: " + speedIps + " ips, darkness " + darkness
                    + ", width " + printWidthDots + " dots, length " + labelLengthDots + " dots");
        }
    }

    /** The profile's defaults. */
    public static JobSettings from(PrinterProfile profile) {
        return new JobSettings(profile.speedIps().defaultIps(), profile.darkness().defaultValue(), profile.media(),
                profile.printWidthDots(), profile.labelLengthDots());
    }

    /**
     * The ZPL that applies these settings without printing a label. {@code ^JZN} turns off "reprint
     * after error" (ZPL II guide, ^JZ: Y = reprint the label that was printing when an error occurred,
     * N = do not), so a label is never printed twice behind the station's back.
     */
    public String toZpl() {
        String method = switch (media) {
            case THERMAL_TRANSFER -> "^MTT";
            case DIRECT_THERMAL -> "^MTD";
            case INKJET -> "";
        };
        return String.format("~SD%02d^XA^PR%d%s^PW%d^LL%d^JZN^XZ\r\n", darkness, speedIps, method, printWidthDots,
                labelLengthDots);
    }
}
