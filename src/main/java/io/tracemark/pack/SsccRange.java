package io.tracemark.pack;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Serial references a site may use to build SSCCs: {@code first..last} after one GS1 company prefix and
 * extension digit. GS1 company prefixes for SSCCs are 7 to 10 digits, leaving 9 to 6 digits of serial
 * reference (https://www.gs1-128.info/sscc-18/).
 *
 * @param companyPrefix  the GS1 company prefix, 7-10 digits
 * @param extensionDigit 0-9
 * @param firstSerial    the first serial reference of the range
 * @param lastSerial     the last one (inclusive)
 */
public record SsccRange(String companyPrefix, int extensionDigit, long firstSerial, long lastSerial) {

    /**
     * The range, checked.
     *
     * @throws InvalidInputException naming every problem
     */
    public SsccRange {
        List<Problem> problems = new ArrayList<>();
        if (companyPrefix == null || !companyPrefix.matches("[0-9]{7,10}")) {
            problems.add(new Problem("companyPrefix", "a GS1 company prefix is 7 to 10 digits, not '" + companyPrefix + "'"));
        }
        if (extensionDigit < 0 || extensionDigit > 9) {
            problems.add(new Problem("extensionDigit", "must be 0-9, not " + extensionDigit));
        }
        if (firstSerial < 0 || lastSerial < firstSerial) {
            problems.add(new Problem("serials", "need 0 <= first <= last, not " + firstSerial + ".." + lastSerial));
        }
        if (problems.isEmpty() && lastSerial >= pow10(16 - companyPrefix.length())) {
            problems.add(new Problem("lastSerial", lastSerial + " has more than " + (16 - companyPrefix.length())
                    + " digits, the serial reference after a " + companyPrefix.length() + "-digit company prefix"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("SSCC range", problems);
        }
    }

    /** How many SSCCs the range holds. */
    public long size() {
        return lastSerial - firstSerial + 1;
    }

    /** The 16 digits after the extension digit of the range's first SSCC, as a number (ranges compare on it). */
    long firstKey() {
        return Long.parseLong(companyPrefix) * pow10(16 - companyPrefix.length()) + firstSerial;
    }

    long lastKey() {
        return firstKey() + size() - 1;
    }

    /** Whether the two ranges would issue some SSCC both (prefixes of different lengths can collide). */
    public boolean overlaps(SsccRange other) {
        return extensionDigit == other.extensionDigit && firstKey() <= other.lastKey() && other.firstKey() <= lastKey();
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
