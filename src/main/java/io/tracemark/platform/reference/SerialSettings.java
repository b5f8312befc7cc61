package io.tracemark.platform.reference;

import io.tracemark.codes.RandomSerials;

/**
 * How the reference platform draws the GS1 serials (AI 21) of one product. {@code random} (the
 * default) draws each serial with {@link RandomSerials} from {@code alphabet}, {@code length}
 * characters long, so that holding one label does not tell the next (guideline 6.5,
 * anti-counterfeiting); the settings are refused once the codes issued for the GTIN would make a
 * guess succeed more often than 1 in 10,000. {@code sequential} counts zero-padded serials and
 * issues them as an interval, for platforms that hand out ranges.
 *
 * @param mode     {@code random} or {@code sequential}
 * @param alphabet characters of random serials (a subset of GS1 AI character set 82)
 * @param length   characters of a random serial (AI 21 allows up to 20)
 */
record SerialSettings(String mode, String alphabet, Integer length) {

    /** Digits and capitals without I and O (read as 1 and 0). */
    static final String DEFAULT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int DEFAULT_LENGTH = 12;
    static final String RANDOM = "random";
    static final String SEQUENTIAL = "sequential";

    SerialSettings {
        if (mode == null) {
            mode = RANDOM;
        }
        if (alphabet == null || alphabet.isEmpty()) {
            alphabet = DEFAULT_ALPHABET;
        }
        if (length == null) {
            length = DEFAULT_LENGTH;
        }
        if (!mode.equals(RANDOM) && !mode.equals(SEQUENTIAL)) {
            throw ApiException.badRequest("mode", "'" + mode + "' is not random or sequential");
        }
        if (length < 1 || length > 20) {
            throw ApiException.badRequest("length", "a GS1 serial (AI 21) has 1 to 20 characters, not " + length);
        }
        if (!alphabet.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "-._".indexOf(c) >= 0))) {
            throw ApiException.badRequest("alphabet", "only letters, digits, '-', '.' and '_' keep a serial readable"
                    + " in an element string and a Digital Link path");
        }
    }

    static SerialSettings standard() {
        return new SerialSettings(RANDOM, DEFAULT_ALPHABET, DEFAULT_LENGTH);
    }

    static SerialSettings sequential() {
        return new SerialSettings(SEQUENTIAL, DEFAULT_ALPHABET, DEFAULT_LENGTH);
    }

    boolean random() {
        return mode.equals(RANDOM);
    }
}
