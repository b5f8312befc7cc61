package io.tracemark.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The line's rate is over the last minute and falls to 0 once nothing is judged; no sleeps (a hand-moved clock). */
class RateWindowTest {

    /** A clock the test moves. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T06:00:00.250Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSteadyLineShowsItsRateFromTheFirstSeconds() {
        HandClock clock = new HandClock();
        LineCounters counters = new LineCounters(clock);
        counters.reset(10_000, null);
        for (int i = 0; i < 500; i++) { // 50 units/s for 10 s
            counters.judged(true);
            clock.advance(Duration.ofMillis(20));
        }
        assertEquals(3000, counters.snapshot().unitsPerMinute(), 60, "50 units/s is 3,000 a minute");
    }

    @Test
    void theRateDecaysToZeroAfterAPauseAndIsZeroAMinuteLater() {
        HandClock clock = new HandClock();
        LineCounters counters = new LineCounters(clock);
        counters.reset(10_000, null);
        for (int i = 0; i < 1200; i++) { // 10 units/s for two minutes: 600 a minute
            counters.judged(i % 10 != 0);
            clock.advance(Duration.ofMillis(100));
        }
        double running = counters.snapshot().unitsPerMinute();
        assertEquals(600, running, 12, "running");

        clock.advance(Duration.ofSeconds(20)); // paused: nothing judged for 20 s
        double after20 = counters.snapshot().unitsPerMinute();
        assertTrue(after20 < running * 0.75 && after20 > running * 0.25, "a third of the minute gone: " + after20);
        clock.advance(Duration.ofSeconds(20));
        double after40 = counters.snapshot().unitsPerMinute();
        assertTrue(after40 < after20, "falls on: " + after20 + " then " + after40);
        clock.advance(Duration.ofSeconds(21));
        assertEquals(0.0, counters.snapshot().unitsPerMinute(), "nothing judged in the last minute: 0, not frozen");
    }

    @Test
    void aResetJobStartsFromZeroAndTheWindowHoldsOnlyAMinute() {
        HandClock clock = new HandClock();
        LineCounters counters = new LineCounters(clock);
        counters.reset(100, null);
        assertEquals(0.0, counters.snapshot().unitsPerMinute(), "nothing judged yet");
        counters.judged(true);
        clock.advance(Duration.ofSeconds(30));
        counters.judged(true);
        assertEquals(4.0, counters.snapshot().unitsPerMinute(), 0.01, "two units in 30 s: 4 a minute");
        counters.reset(100, null);
        assertEquals(0.0, counters.snapshot().unitsPerMinute(), "a new job: no rate carried over");
    }
}
