package io.tracemark.printer;

import java.time.Duration;

/**
 * What a busy poll of the ZPL driver does, as pure logic. With {@link PrintConfirmation#HOST_VERIFICATION}
 * the printer sends an {@code ^HV} reply for every label it prints, unasked, so a busy poll only reads
 * what arrived; {@code ~HS} is asked only when the status interval has passed (faults: paper out, ribbon
 * out, pause, a silent printer with its head open). With the counters or the odometer, each busy poll is
 * the confirmation and queries the printer.
 */
final class PollPlan {

    /** Longest time between two {@code ~HQES} while busy (errors only the extended status names). */
    static final Duration EXTENDED_INTERVAL = Duration.ofMillis(200);

    private PollPlan() {
    }

    /**
     * Whether this poll only reads the replies that arrived instead of asking {@code ~HS}.
     *
     * @param idle            no labels outstanding (an idle poll always asks: faults and recovery)
     * @param confirmation    how printed labels are confirmed
     * @param sinceQueryNanos time since the last {@code ~HS}
     * @param statusInterval  longest time between two {@code ~HS} while busy
     */
    static boolean readRepliesOnly(boolean idle, PrintConfirmation confirmation, long sinceQueryNanos,
                                   Duration statusInterval) {
        return !idle && confirmation == PrintConfirmation.HOST_VERIFICATION
                && sinceQueryNanos < statusInterval.toNanos();
    }
}
