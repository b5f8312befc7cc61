package io.tracemark.codes;

import java.util.Optional;

/**
 * The GS1 check character pair of alphanumeric keys (GMN, AI 8013; MUDI, AI 8014): GS1 General
 * Specifications 7.9.5 "Check character calculation (for alphanumeric keys)". Each data character's
 * CSET 82 value (0..81) is weighted by the primes 2, 3, 5, … from the right; the sum modulo 1021,
 * split into two 5-bit halves, indexes the two check characters in CSET 32.
 */
public final class AlphanumericCheckPair {

    private static final String CSET82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final String CSET32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private AlphanumericCheckPair() {
    }

    /**
     * The two check characters for {@code body}.
     *
     * @throws IllegalArgumentException if a character is not in CSET 82
     */
    public static String compute(String body) {
        long sum = 0;
        int prime = 1;
        for (int i = body.length() - 1; i >= 0; i--) {
            prime = nextPrime(prime);
            int value = CSET82.indexOf(body.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + body.charAt(i) + "' is not in GS1 AI encodable character set 82");
            }
            sum += (long) value * prime;
        }
        int check = (int) (sum % 1021);
        return "" + CSET32.charAt(check >> 5) + CSET32.charAt(check & 31);
    }

    /** What is wrong with the pair at the end of {@code value}, if anything. */
    static Optional<String> problem(String value) {
        if (value.length() < 2) {
            return Optional.of("'" + value + "' is too short to end in a check character pair");
        }
        String body = value.substring(0, value.length() - 2);
        String expected = compute(body);
        return expected.equals(value.substring(body.length())) ? Optional.empty()
                : Optional.of("check character pair should be " + expected);
    }

    private static int nextPrime(int after) {
        int n = after + 1;
        while (!isPrime(n)) {
            n++;
        }
        return n;
    }

    private static boolean isPrime(int n) {
        for (int d = 2; (long) d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return n >= 2;
    }
}
