package io.tracemark.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 instants as the contract writes them ({@code 2026-12-01T08:30:00.123Z}), read and
 * written without a {@code DateTimeFormatter} for the common form: the sender handles every unit
 * event's time twice, and the formatter's parse and print were most of its cost. Results equal
 * {@link Instant#parse} and {@link Instant#toString} exactly: anything but the plain UTC form
 * with a four-digit year (an offset, a leap second, a fifth year digit) goes to those.
 */
final class IsoInstant {

    private IsoInstant() {
    }

    /**
     * The instant written in {@code text}, as {@link Instant#parse} reads it.
     *
     * @throws java.time.format.DateTimeParseException when it is not an ISO-8601 instant
     */
    static Instant parse(String text) {
        Instant fast = parsePlainUtc(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null for any other form (left to the JDK). */
    private static Instant parsePlainUtc(String s) {
        int n = s.length();
        if (n < 20 || n == 21 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nano = 0;
        if (n > 20) {
            if (s.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(s, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nano = fraction * POWERS[9 - (n - 21)];
        } else if (s.charAt(19) != 'Z') {
            return null;
        }
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > 31 || hour > 23 || minute > 59 || second > 59) {
            return null; // 24:00 and leap seconds are the JDK's to resolve
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nano).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null; // e.g. 30 February: the JDK names the problem
        }
    }

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
            1_000_000_000};

    /** The number written by the ASCII digits {@code s[from, to)}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** {@code instant} as {@link Instant#toString} writes it. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_FAST || seconds > MAX_FAST) {
            return instant.toString(); // a year before 0 or after 9999 (a sign, more digits)
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(30);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2);
        int nano = instant.getNano();
        if (nano > 0) { // as ISO_INSTANT prints it: 3, 6 or 9 digits, as few as hold the value
            out.append('.');
            if (nano % 1_000_000 == 0) {
                pad(out, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                pad(out, nano / 1_000, 6);
            } else {
                pad(out, nano, 9);
            }
        }
        return out.append('Z').toString();
    }

    private static final long MIN_FAST = -62_167_219_200L; // 0000-01-01T00:00:00Z
    private static final long MAX_FAST = 253_402_300_799L; // 9999-12-31T23:59:59Z

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        for (int w = width - 1, p = POWERS[w]; w >= 0; w--, p /= 10) {
            out.append((char) ('0' + value / p % 10));
        }
        return out;
    }
}
