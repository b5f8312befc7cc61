package io.tracemark.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobIdsTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void idsNameTheStationAndDayAndSortInTheOrderMade() {
        JobIds ids = new JobIds("line-2", FIXED);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(ids.next());
        }
        assertTrue(made.get(0).matches("line_2-20260301-[0-9A-HJKMNP-TV-Z]{26}"), made.get(0));
        assertEquals(1000, new HashSet<>(made).size(), "unique within one millisecond");
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null);
        assertEquals(made, sorted, "time-ordered");
    }

    @Test
    void twoStationsOrTwoDatabaseLifetimesNeverShareAnId() {
        String a = new JobIds("station", FIXED).next();
        String b = new JobIds("station", FIXED).next();
        assertNotEquals(a, b, "a fresh database the same millisecond still gets another id");
        assertTrue(new JobIds("灌装线 1", FIXED).next().startsWith("灌装线_1-20260301-"));
    }

    @Test
    void theSuffixEncodesTimeFirst() {
        assertEquals("00000000000000000000000000", JobIds.suffix(0, 0, 0));
        assertEquals("0000000001" + "0".repeat(16), JobIds.suffix(1, 0, 0), "1 ms is bit 80: the 10th digit");
        assertTrue(JobIds.suffix(2, 0, 0).compareTo(JobIds.suffix(1, 0xFFFF, -1L)) > 0);
    }
}
