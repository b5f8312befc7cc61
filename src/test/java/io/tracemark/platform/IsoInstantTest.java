package io.tracemark.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sender's ISO-8601 reader and writer give exactly what {@link Instant#parse} and {@link Instant#toString} give. */
class IsoInstantTest {

    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    @Test
    void writesAndReadsEveryInstantAsTheJdkDoes() {
        Random random = new Random(12);
        for (int i = 0; i < 200_000; i++) {
            long seconds = switch (i % 4) {
                case 0 -> 1_700_000_000L + random.nextInt(400_000_000); // this century
                case 1 -> YEAR_0 - 1000 + (long) (random.nextDouble() * (YEAR_10000 - YEAR_0 + 2000)); // 0000..9999 and past both ends
                case 2 -> (random.nextBoolean() ? YEAR_0 : YEAR_10000) + random.nextInt(200) - 100; // the edges
                default -> random.nextLong() % 100_000_000_000_000L; // far years: signs, five digits and more
            };
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nano);
            String text = IsoInstant.format(t);
            assertEquals(t.toString(), text);
            assertEquals(t, IsoInstant.parse(text), text);
        }
    }

    @Test
    void readsEveryOtherFormTheJdkReadsAlike() {
        for (String text : List.of("2026-12-01T08:30:00Z", "2026-12-01T08:30:00.1Z", "2026-12-01T08:30:00.12Z",
                "2026-12-01T08:30:00.123456789Z", "2026-12-01T08:30:00.000Z", "2024-02-29T23:59:59.999Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-12-01t08:30:00z", "2026-12-01T08:30:00.Z",
                "2026-12-01T16:30:00+08:00", "2026-12-01T08:30:00.5-01:30", "2016-12-31T23:59:60Z",
                "+12026-12-01T08:30:00Z", "-0001-12-01T08:30:00Z")) {
            assertEquals(Instant.parse(text), IsoInstant.parse(text), text);
        }
    }

    @Test
    void refusesWhatTheJdkRefusesWithItsMessage() {
        for (String text : List.of("", "2026-12-01", "2026-12-01T08:30Z", "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z",
                "2026-13-01T00:00:00Z", "2026-12-01T25:00:00Z", "2026-12-01T08:60:00Z",
                "2026-12-01T08:30:00.1234567890Z", "2026-12-01T08:30:00", "2026-12-01 08:30:00Z", "2026-1a-01T08:30:00Z",
                "2026-12-01T08:30:00.12x4Z", "２０２６-12-01T08:30:00Z")) {
            DateTimeParseException jdk = assertThrows(DateTimeParseException.class, () -> Instant.parse(text), text);
            DateTimeParseException ours = assertThrows(DateTimeParseException.class, () -> IsoInstant.parse(text), text);
            assertEquals(jdk.getMessage(), ours.getMessage());
        }
    }
}
