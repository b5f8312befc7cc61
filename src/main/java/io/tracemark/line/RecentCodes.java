package io.tracemark.line;

import io.tracemark.codes.ElementString;

/**
 * The last few codes parsed as GS1 element strings: the feeder writes the labels of a batch of
 * units, then asks for their expectations, and each code is parsed once for both. Thread-safe
 * (the feeder and the challenge ask; the lock is never contended for long).
 */
final class RecentCodes {

    /** More than a feeder batch (printer look-ahead plus the units waiting for room). */
    private static final int SIZE = 16;

    private final String[] codes = new String[SIZE];
    private final ElementString[] parsed = new ElementString[SIZE];
    private int next;

    /**
     * {@code code} parsed ({@link ElementString#parse}).
     *
     * @throws io.tracemark.core.InvalidInputException when it is not an element string (not remembered)
     */
    synchronized ElementString parsed(String code) {
        for (int i = 0; i < SIZE; i++) {
            if (code.equals(codes[i])) {
                return parsed[i];
            }
        }
        ElementString es = ElementString.parse(code);
        codes[next] = code;
        parsed[next] = es;
        next = (next + 1) % SIZE;
        return es;
    }
}
