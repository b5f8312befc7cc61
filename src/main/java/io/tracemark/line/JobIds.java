package io.tracemark.line;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * Job ids unique across stations and database lifetimes: {@code <station>-<yyyyMMdd>-<suffix>}, the
 * suffix a time-ordered 26-character string in Crockford base32 (48 bits of milliseconds, then 80
 * bits that are random at the first id of a millisecond and counted up after it, the ULID layout), so
 * ids sort in the order they were made. Event idempotency keys are built from job ids.
 */
final class JobIds {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final String station;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private long high;
    private long low;

    JobIds(String stationId, Clock clock) {
        this.station = safe(stationId);
        this.clock = clock;
    }

    synchronized String next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            high = random.nextInt(1 << 16) & 0xFFFFL;
            low = random.nextLong();
        } else if (++low == 0) {
            high = (high + 1) & 0xFFFFL;
        }
        String day = DAY.format(clock.instant().atZone(clock.getZone()));
        return station + "-" + day + "-" + suffix(lastMillis, high, low);
    }

    /** 48-bit time, 16 + 64 bits of the rest: 128 bits written as 26 base32 digits (the first holds 3 bits). */
    static String suffix(long millis, long high16, long low64) {
        char[] out = new char[26];
        // 128-bit value = millis(48) | high16(16) | low64(64); take 5 bits at a time from the right
        long lo = low64;
        long hi = (millis << 16) | high16; // 64 bits
        for (int i = 25; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (lo & 31)];
            lo = (lo >>> 5) | (hi << 59);
            hi = hi >>> 5;
        }
        return new String(out);
    }

    /** Letters, digits, '_' and '.' kept (any script); anything else becomes '_'. */
    static String safe(String stationId) {
        StringBuilder sb = new StringBuilder();
        stationId.codePoints().forEach(c -> sb.appendCodePoint(Character.isLetterOrDigit(c) || c == '_' || c == '.'
                ? c : '_'));
        return sb.length() == 0 ? "station" : sb.toString();
    }
}
