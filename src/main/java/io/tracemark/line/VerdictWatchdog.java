package io.tracemark.line;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the verdict check ({@code check}, on the line's thread) when something can next be overdue
 * ({@code due}: the earliest deadline of the units and results in flight), and at least every
 * {@link #longest} so a deadline that appears meanwhile is not missed: one wake-up per deadline
 * instead of a tick every few milliseconds. A deadline made after a check is at least one verdict
 * timeout away (a label printed, a result taken, an epoch begun from then on), more than
 * {@link #longest}; what can make an earlier one (a unit voided, held results released) calls
 * {@link #rearm()}.
 */
final class VerdictWatchdog implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            LineLoop.daemon("line-watchdog"));
    private final LineLoop loop;
    private final Clock clock;
    private final Runnable check;
    private final Supplier<Optional<Instant>> due;
    /** Longest sleep between checks: under the verdict timeout, at most a second. */
    private final Duration longest;
    /** Shortest: a deadline already past when armed (its check could not act yet) is looked at again after this. */
    private final Duration shortest;
    /**
     * How long after a deadline it is checked: a tenth of the verdict timeout, 10 to 100 ms, as late as
     * the watchdog that ticked at that period saw it at the latest (a result just past the deadline is
     * not judged missing any sooner than it was).
     */
    private final Duration grace;
    // armed and re-armed on the line's thread only
    private ScheduledFuture<?> armed;
    private Instant armedFor = Instant.MAX;
    /** Which arming is current: a check whose arming was replaced meanwhile does nothing. */
    private long generation;

    VerdictWatchdog(LineLoop loop, Clock clock, Duration verdictTimeout, Runnable check,
                    Supplier<Optional<Instant>> due) {
        this.loop = loop;
        this.clock = clock;
        this.check = check;
        this.due = due;
        long timeoutMs = Math.max(2, verdictTimeout.toMillis());
        this.longest = Duration.ofMillis(Math.min(1_000, timeoutMs / 2));
        this.shortest = Duration.ofMillis(Math.max(1, Math.min(10, timeoutMs / 10)));
        this.grace = Duration.ofMillis(Math.max(10, Math.min(100, timeoutMs / 10)));
    }

    /** Starts checking (any thread). */
    void start() {
        loop.post("verdict watchdog", this::rearm);
    }

    /** Runs the check now and arms the next one (on the line's thread). */
    private void tick(long arming) {
        if (arming != generation) {
            return;
        }
        armed = null;
        armedFor = Instant.MAX;
        try {
            check.run();
        } finally {
            rearm();
        }
    }

    /**
     * Arms the next check for the earliest deadline now known, unless one is armed for earlier; on
     * the line's thread (after anything that can move a deadline earlier than {@link #longest}).
     */
    void rearm() {
        Instant now = clock.instant();
        Instant at = now.plus(longest);
        Optional<Instant> next = due.get();
        if (next.isPresent() && next.get().plus(grace).isBefore(at)) {
            at = next.get().plus(grace);
        }
        if (at.isBefore(now.plus(shortest))) {
            at = now.plus(shortest);
        }
        if (armed != null && !armedFor.isAfter(at)) {
            return;
        }
        if (armed != null) {
            armed.cancel(false);
        }
        try {
            long delay = Math.max(1, Duration.between(now, at).toMillis());
            long arming = ++generation;
            armed = timer.schedule(() -> loop.post("verdict watchdog", () -> tick(arming)), delay,
                    TimeUnit.MILLISECONDS);
            armedFor = at;
        } catch (RejectedExecutionException closed) {
            armed = null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
