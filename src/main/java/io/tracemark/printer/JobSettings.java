package io.tracemark.printer;

/**
 * What a job tells the printer before its first label.
 *
 * @param speedIps        print speed, inches per second ({@code ^PR})
 * @param darkness        darkness 0..30 ({@code ~SD})
 * @param media           print method ({@code ^MT}: T or D; nothing for inkjet)
 * @param printWidthDots  print width ({@code ^PW})
 * @param labelLengthDots label length ({@code ^LL})
 * @param mediaTracking   {@code ^MN} media tracking; null for inkjet (nothing sent)
 */
public record JobSettings(int speedIps, int darkness, MediaKind media, int printWidthDots, int labelLengthDots,
                          MediaTracking mediaTracking) {

    public JobSettings {
        int maxSpeed = media == MediaKind.INKJET ? 60 : PrinterProfile.MAX_PR_IPS;
        if (speedIps < 1 || speedIps > maxSpeed || darkness < 0 || darkness > 30 || printWidthDots < 1
                || labelLengthDots < 1) {
            throw new IllegalArgumentException("impossible job settings: " + speedIps + " ips (^PR 1.." + maxSpeed
                    + "), darkness " + darkness + ", width " + printWidthDots + " dots, length " + labelLengthDots
                    + " dots");
        }
    }

    /** The profile's defaults. */
    public static JobSettings from(PrinterProfile profile) {
        return of(profile, profile.speedIps().defaultIps(), profile.darkness().defaultValue());
    }

    /**
     * A job's speed and darkness on a printer of {@code profile}, within the profile's ranges.
     *
     * @throws IllegalArgumentException naming the profile and its range when a value is outside it
     */
    public static JobSettings of(PrinterProfile profile, int speedIps, int darkness) {
        PrinterProfile.SpeedRange speed = profile.speedIps();
        PrinterProfile.DarknessRange dark = profile.darkness();
        if (speedIps < speed.min() || speedIps > speed.max()) {
            throw new IllegalArgumentException(profile.name() + ": speed " + speedIps + " ips is outside the profile's "
                    + speed.min() + ".." + speed.max() + " ips");
        }
        if (darkness < dark.min() || darkness > dark.max()) {
            throw new IllegalArgumentException(profile.name() + ": darkness " + darkness + " is outside the profile's "
                    + dark.min() + ".." + dark.max());
        }
        return new JobSettings(speedIps, darkness, profile.media(), profile.printWidthDots(), profile.labelLengthDots(),
                profile.mediaTracking());
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
        String tracking = mediaTracking == null ? "" : "^MN" + mediaTracking.zpl();
        return String.format("~SD%02d^XA^PR%d%s%s^PW%d^LL%d^JZN^XZ\r\n", darkness, speedIps, method, tracking,
                printWidthDots, labelLengthDots);
    }
}
