package io.tracemark.codes;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Random serials of {@code length} characters from {@code alphabet}, drawn with
 * {@link SecureRandom}, so that a counterfeiter cannot guess valid codes. Refuses settings whose
 * guessing probability (codes issued ÷ alphabet size^length) exceeds 1/10,000, and never repeats
 * a serial within its run. Not thread-safe.
 */
public final class RandomSerials implements SerialGenerator {

    /** The largest guessing probability accepted, as 1/{@value}. */
    public static final long MIN_ODDS = 10_000;

    private final char[] alphabet;
    private final int length;
    private final long count;
    private final Random random;
    private final Set<String> issued = new HashSet<>();

    /**
     * A generator for at most {@code count} serials, drawing from a new {@link SecureRandom}.
     *
     * @throws IllegalArgumentException giving the numbers when the settings are too guessable,
     *                                  or the alphabet has a repeated character or fewer than 2
     */
    public RandomSerials(String alphabet, int length, long count) {
        this(alphabet, length, count, new SecureRandom());
    }

    /**
     * As above with the random source given: tests inject a seeded one; production code must
     * pass a {@link SecureRandom}.
     */
    public RandomSerials(String alphabet, int length, long count, Random random) {
        if (alphabet.length() < 2 || alphabet.chars().distinct().count() != alphabet.length()) {
            throw new IllegalArgumentException("random serials: the alphabet '" + alphabet
                    + "' needs at least 2 characters, none repeated");
        }
        if (length < 1 || count < 1) {
            throw new IllegalArgumentException("random serials: length " + length + " and count " + count
                    + " must be at least 1");
        }
        refuseIfGuessable(alphabet.length(), length, count);
        this.alphabet = alphabet.toCharArray();
        this.length = length;
        this.count = count;
        this.random = random;
    }

    /**
     * The guessing probability of {@code count} codes among {@code alphabetSize^length}, as a
     * double (0 when it underflows).
     */
    public static double guessingProbability(int alphabetSize, int length, long count) {
        return new java.math.BigDecimal(count)
                .divide(new java.math.BigDecimal(BigInteger.valueOf(alphabetSize).pow(length)),
                        java.math.MathContext.DECIMAL64)
                .doubleValue();
    }

    private static void refuseIfGuessable(int alphabetSize, int length, long count) {
        BigInteger space = BigInteger.valueOf(alphabetSize).pow(length);
        if (BigInteger.valueOf(count).multiply(BigInteger.valueOf(MIN_ODDS)).compareTo(space) > 0) {
            throw new IllegalArgumentException(String.format(
                    "random serials: %,d codes among %d^%d = %,d possibilities give a guessing probability of %.3g,"
                            + " above the limit 1/%,d; use a longer length or a larger alphabet",
                    count, alphabetSize, length, space, guessingProbability(alphabetSize, length, count), MIN_ODDS));
        }
    }

    @Override
    public String next() {
        if (issued.size() >= count) {
            throw new IllegalStateException("random serials: all " + count
                    + " serials this generator was sized for are issued; a larger count needs new settings");
        }
        char[] serial = new char[length];
        String s;
        do {
            for (int i = 0; i < length; i++) {
                serial[i] = alphabet[random.nextInt(alphabet.length)];
            }
            s = new String(serial);
        } while (!issued.add(s));
        return s;
    }

    @Override
    public long remaining() {
        return count - issued.size();
    }
}
