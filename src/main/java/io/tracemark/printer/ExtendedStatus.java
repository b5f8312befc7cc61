package io.tracemark.printer;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply to {@code ~HQES} (host query, error and warning status). Layout per the ZPL II
 * Programming Guide:
 * <pre>
 * &lt;STX&gt;&lt;CR&gt;&lt;LF&gt;
 * PRINTER STATUS&lt;CR&gt;&lt;LF&gt;
 *    ERRORS:         1 00000000 00000005&lt;CR&gt;&lt;LF&gt;
 *    WARNINGS:       1 00000000 00000002&lt;CR&gt;&lt;LF&gt;
 * &lt;ETX&gt;&lt;CR&gt;&lt;LF&gt;
 * </pre>
 * After the label: a flag (1 = something present), group 2 (nibbles 16..9) and group 1 (nibbles 8..1)
 * as hexadecimal. Group 1 bits are named by {@link PrinterError} and {@link PrinterWarning}.
 *
 * @param errorPresent   the error flag
 * @param errorGroup2    error bits, nibbles 16..9
 * @param errorGroup1    error bits, nibbles 8..1
 * @param warningPresent the warning flag
 * @param warningGroup2  warning bits, nibbles 16..9
 * @param warningGroup1  warning bits, nibbles 8..1
 */
public record ExtendedStatus(boolean errorPresent, long errorGroup2, long errorGroup1, boolean warningPresent,
                             long warningGroup2, long warningGroup1) {

    private static final Pattern LINE = Pattern.compile(
            "(ERRORS|WARNINGS):\\s*([01])\\s+([0-9A-Fa-f]{8})\\s+([0-9A-Fa-f]{8})");

    /** No error, no warning. */
    public static final ExtendedStatus CLEAR = new ExtendedStatus(false, 0, 0, false, 0, 0);

    /** The named errors set in group 1. */
    public Set<PrinterError> errors() {
        Set<PrinterError> set = EnumSet.noneOf(PrinterError.class);
        for (PrinterError e : PrinterError.values()) {
            if ((errorGroup1 & e.mask()) != 0) {
                set.add(e);
            }
        }
        return set;
    }

    /**
     * Error bits no {@link PrinterError} names: any group 2 bit, unnamed group 1 bits, or the error flag
     * set with no bit at all. The guide lists only some bits; newer firmware adds more, and a printer
     * that says "error" is in error whether or not the station knows the bit's name.
     */
    public boolean unnamedError() {
        long named = 0;
        for (PrinterError e : PrinterError.values()) {
            named |= e.mask();
        }
        return errorGroup2 != 0 || (errorGroup1 & ~named) != 0 || errorPresent && errorGroup1 == 0;
    }

    /** The named warnings set in group 1. */
    public Set<PrinterWarning> warnings() {
        Set<PrinterWarning> set = EnumSet.noneOf(PrinterWarning.class);
        for (PrinterWarning w : PrinterWarning.values()) {
            if ((warningGroup1 & w.mask()) != 0) {
                set.add(w);
            }
        }
        return set;
    }

    /** Status with these errors and warnings set. */
    public static ExtendedStatus of(Set<PrinterError> errors, Set<PrinterWarning> warnings) {
        long e = errors.stream().mapToLong(PrinterError::mask).reduce(0, (a, b) -> a | b);
        long w = warnings.stream().mapToLong(PrinterWarning::mask).reduce(0, (a, b) -> a | b);
        return new ExtendedStatus(e != 0, 0, e, w != 0, 0, w);
    }

    /**
     * Decodes a {@code ~HQES} reply.
     *
     * @throws IllegalArgumentException when the ERRORS or WARNINGS line is missing or malformed
     */
    public static ExtendedStatus parse(String reply) {
        long[] errors = null;
        long[] warnings = null;
        Matcher m = LINE.matcher(reply);
        while (m.find()) {
            long[] values = {Long.parseLong(m.group(2)), Long.parseLong(m.group(3), 16), Long.parseLong(m.group(4), 16)};
            if (m.group(1).equals("ERRORS")) {
                errors = values;
            } else {
                warnings = values;
            }
        }
        if (errors == null || warnings == null) {
            throw new IllegalArgumentException("~HQES reply lacks " + (errors == null ? "an ERRORS" : "a WARNINGS")
                    + " line 'flag group2 group1': " + HostStatus.printable(reply));
        }
        return new ExtendedStatus(errors[0] == 1, errors[1], errors[2], warnings[0] == 1, warnings[1], warnings[2]);
    }

    /** The reply a printer in this state sends (used by the virtual printer). */
    public String toWire() {
        return HostStatus.STX + "\r\nPRINTER STATUS\r\n"
                + String.format("   ERRORS:         %d %08X %08X\r\n", errorPresent ? 1 : 0, errorGroup2, errorGroup1)
                + String.format("   WARNINGS:       %d %08X %08X\r\n", warningPresent ? 1 : 0, warningGroup2, warningGroup1)
                + HostStatus.ETX + "\r\n";
    }
}
