package io.tracemark.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One deadline per link instead of a task per write: a stalled write is still cut, a finished one never. */
class WriteWatchdogTest {

    @Test
    void aWriteThatOverrunsIsCutAndReportsIt() throws InterruptedException {
        WriteWatchdog dog = new WriteWatchdog("test-watchdog");
        CountDownLatch cut = new CountDownLatch(1);
        try (WriteWatchdog.Watch w = dog.watch(Duration.ofMillis(100), cut::countDown)) {
            long start = System.nanoTime();
            w.begin();
            assertTrue(cut.await(30, TimeUnit.SECONDS), "a stalled write is cut");
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(100).toNanos(), "not before its deadline");
            assertTrue(w.end(), "the writer learns its write was cut");
            assertFalse(w.end(), "and only once");
        }
    }

    @Test
    void writesThatFinishInTimeAreNeverCut() throws InterruptedException {
        WriteWatchdog dog = new WriteWatchdog("test-watchdog");
        AtomicInteger cuts = new AtomicInteger();
        CountDownLatch stalled = new CountDownLatch(1);
        try (WriteWatchdog.Watch quick = dog.watch(Duration.ofMillis(50), cuts::incrementAndGet);
             WriteWatchdog.Watch slow = dog.watch(Duration.ofMillis(300), stalled::countDown)) {
            for (int i = 0; i < 10_000; i++) {
                quick.begin();
                assertFalse(quick.end());
            }
            // a write on another link that stalls is cut; by then the quick link's 50 ms passed six times over
            slow.begin();
            assertTrue(stalled.await(30, TimeUnit.SECONDS));
            assertEquals(0, cuts.get(), "no finished write was cut");
            assertTrue(slow.end());
        }
    }

    @Test
    void aShortTimeoutWatchedLaterIsCutAtItsOwnDeadline() throws InterruptedException {
        WriteWatchdog dog = new WriteWatchdog("test-watchdog");
        try (WriteWatchdog.Watch longOne = dog.watch(Duration.ofMinutes(10), () -> { })) {
            CountDownLatch cut = new CountDownLatch(1);
            try (WriteWatchdog.Watch shortOne = dog.watch(Duration.ofMillis(100), cut::countDown)) {
                shortOne.begin();
                // the thread slept for the 10-minute link; watching the short one woke it
                assertTrue(cut.await(60, TimeUnit.SECONDS), "cut long before the other link's timeout");
                assertTrue(shortOne.end());
            }
            assertFalse(longOne.end());
        }
    }
}
