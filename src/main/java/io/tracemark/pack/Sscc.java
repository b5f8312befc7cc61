package io.tracemark.pack;

import io.tracemark.codes.Gs1CheckDigit;
import io.tracemark.codes.Gs1Key;
import java.util.List;

/**
 * A Serial Shipping Container Code: 18 digits, the extension digit (0-9, assigned by the company that
 * builds the SSCC, to widen the serial reference), the GS1 company prefix and the serial reference
 * (together 16 digits), then the GS1 mod-10 check digit. In a GS1 element string it follows AI (00)
 * and is printed in GS1-128. Source: GS1 General Specifications section 2.2 / figure 3.3.1-1 as quoted
 * at https://www.gs1-128.info/sscc-18/ ("The combined length of the GS1 Company Prefix and Serial
 * Reference is always 16 digits"; "A Serial Reference cannot be reused for a minimum of 12 months").
 *
 * @param digits the 18 digits, check digit last
 */
public record Sscc(String digits) {

    /** The application identifier of an SSCC in a GS1 element string. */
    public static final String AI = "00";

    public Sscc {
        List<String> problems = Gs1Key.SSCC.problems(digits);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("SSCC " + digits + ": " + String.join("; ", problems));
        }
    }

    /** The SSCC of {@code extensionDigit}, {@code companyPrefix} and {@code serialReference}, with its check digit. */
    public static Sscc of(int extensionDigit, String companyPrefix, long serialReference) {
        int serialDigits = 16 - companyPrefix.length();
        String serial = String.format("%0" + serialDigits + "d", serialReference);
        if (serial.length() != serialDigits) {
            throw new IllegalArgumentException("serial reference " + serialReference + " does not fit in "
                    + serialDigits + " digits after company prefix " + companyPrefix);
        }
        return new Sscc(Gs1CheckDigit.append(extensionDigit + companyPrefix + serial));
    }

    /**
     * The SSCC a reader returned: the 18 digits alone, or an element string starting with AI 00
     * ({@code (00)…} bracketed, or {@code 00…} as a reader transmits it, with or without the GS1-128
     * symbology identifier {@code ]C1}).
     *
     * @throws IllegalArgumentException when it is not an SSCC
     */
    public static Sscc parse(String read) {
        String s = read.strip();
        if (s.startsWith("]C1")) {
            s = s.substring(3);
        }
        if (s.startsWith("(00)")) {
            s = s.substring(4);
        } else if (s.length() == 20 && s.startsWith(AI)) {
            s = s.substring(2);
        }
        return new Sscc(s);
    }

    /** Whether {@code read} is an SSCC ({@link #parse}). */
    public static boolean looksLikeSscc(String read) {
        try {
            parse(read);
            return true;
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }

    /** The element string with AI 00 in brackets, e.g. {@code (00)069012345000000011}. */
    public String elementString() {
        return "(" + AI + ")" + digits;
    }

    @Override
    public String toString() {
        return digits;
    }
}
