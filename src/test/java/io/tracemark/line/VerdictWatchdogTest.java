package io.tracemark.line;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The verdict watchdog: its check runs on the line's thread once a deadline is past, and keeps coming. */
class VerdictWatchdogTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** A tenth of the timeout: how long after a deadline it is checked. */
    private static final Duration GRACE = Duration.ofMillis(50);

    @Test
    void aDeadlineMadeOnTheLinesThreadIsCheckedThereOnceItIsPast() throws Exception {
        Clock clock = Clock.systemUTC();
        AtomicReference<Instant> due = new AtomicReference<>();
        AtomicBoolean offLoop = new AtomicBoolean();
        CountDownLatch checkedAfter = new CountDownLatch(1);
        try (LineLoop loop = new LineLoop()) {
            VerdictWatchdog[] dog = new VerdictWatchdog[1];
            dog[0] = new VerdictWatchdog(loop, clock, TIMEOUT, () -> {
                offLoop.compareAndSet(false, !loop.inLoop());
                Instant d = due.get();
                if (d != null && !clock.instant().isBefore(d.plus(GRACE))) {
                    due.set(null);
                    checkedAfter.countDown();
                }
            }, () -> Optional.ofNullable(due.get()));
            try {
                dog[0].start();
                Instant deadline = clock.instant().plusMillis(100);
                // a deadline nearer than the next check: made on the line's thread, which re-arms for it
                loop.call("deadline", Duration.ofSeconds(30), () -> {
                    due.set(deadline);
                    dog[0].rearm();
                    return null;
                });
                assertTrue(checkedAfter.await(30, TimeUnit.SECONDS), "the deadline was checked");
                assertFalse(offLoop.get(), "the check runs on the line's thread");
            } finally {
                dog[0].close();
            }
        }
    }

    @Test
    void withNothingDueItStillChecksWithinTheVerdictTimeout() throws Exception {
        CountDownLatch checks = new CountDownLatch(3);
        try (LineLoop loop = new LineLoop();
             VerdictWatchdog dog = new VerdictWatchdog(loop, Clock.systemUTC(), TIMEOUT, checks::countDown,
                     Optional::empty)) {
            dog.start();
            assertTrue(checks.await(30, TimeUnit.SECONDS), "checks keep coming without any deadline");
        }
    }
}
