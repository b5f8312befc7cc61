package io.tracemark.printer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When a busy poll only reads the printer's replies and when it asks ~HS. */
class PollPlanTest {

    private static final Duration STATUS = Duration.ofMillis(100);

    @Test
    void labelsThatConfirmThemselvesNeedOnlyAReadBetweenTwoStatusQueries() {
        long ms = 1_000_000;
        assertTrue(PollPlan.readRepliesOnly(false, PrintConfirmation.HOST_VERIFICATION, 20 * ms, STATUS));
        assertTrue(PollPlan.readRepliesOnly(false, PrintConfirmation.HOST_VERIFICATION, 99 * ms, STATUS));
        assertFalse(PollPlan.readRepliesOnly(false, PrintConfirmation.HOST_VERIFICATION, 100 * ms, STATUS),
                "the status interval passed: ask ~HS (paper out, head open)");
    }

    @Test
    void countersAndOdometerConfirmByAskingAndAnIdlePrinterIsAlwaysAsked() {
        assertFalse(PollPlan.readRepliesOnly(false, PrintConfirmation.COUNTERS, 0, STATUS));
        assertFalse(PollPlan.readRepliesOnly(false, PrintConfirmation.ODOMETER, 0, STATUS));
        assertFalse(PollPlan.readRepliesOnly(true, PrintConfirmation.HOST_VERIFICATION, 0, STATUS),
                "idle: faults and recovery are watched by ~HS");
    }

    @Test
    void theStatusIntervalStaysWithinTheBusyAndIdleIntervals() {
        ZplPrinterOptions defaults = ZplPrinterOptions.defaults();
        assertTrue(defaults.statusInterval().equals(ZplPrinterOptions.DEFAULT_STATUS_INTERVAL));
        ZplPrinterOptions quick = defaults.withPolling(Duration.ofMillis(5), Duration.ofMillis(30));
        assertTrue(quick.statusInterval().equals(Duration.ofMillis(30)), "never slower than the idle polls");
        ZplPrinterOptions slow = defaults.withPolling(Duration.ofMillis(200), Duration.ofMillis(500));
        assertTrue(slow.statusInterval().equals(Duration.ofMillis(200)), "never faster than the busy polls");
    }
}
