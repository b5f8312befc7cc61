package io.tracemark.ledger;

import java.util.Optional;

/**
 * What every code in the ledger must be, whatever its scheme: 1 to {@value #MAX_LENGTH} characters,
 * no white space, no control characters except GS (U+001D, the GS1 separator of raw element
 * strings).
 */
public final class CodeSyntax {

    public static final int MAX_LENGTH = 512;

    private static final char GS = '\u001d';

    private CodeSyntax() {
    }

    /** Why {@code code} cannot be a code, or empty. */
    public static Optional<String> problem(String code) {
        if (code.isEmpty()) {
            return Optional.of("empty code");
        }
        if (code.length() > MAX_LENGTH) {
            return Optional.of("code is " + code.length() + " characters long, at most " + MAX_LENGTH + " allowed");
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == GS) {
                continue;
            }
            if (Character.isISOControl(c) || c == '\uFFFD' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return Optional.of(String.format("contains %s U+%04X at position %d",
                        Character.isISOControl(c) ? "control character" : c == '\uFFFD' ? "replacement character" : "white space",
                        (int) c, i + 1));
            }
        }
        return Optional.empty();
    }
}
