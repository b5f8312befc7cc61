package io.tracemark.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Logs a background task's failures without flooding the log: the first failure and every change
 * of reason at WARN, the same reason again at most once per {@code repeatEvery} (with the count of
 * failures since), and the recovery once at INFO.
 */
final class FailureLog {

    private final Logger log;
    private final String task;
    private final Clock clock;
    private final Duration repeatEvery;
    private String lastReason;
    private Instant lastLoggedAt;
    private int failures;

    FailureLog(Logger log, String task, Clock clock, Duration repeatEvery) {
        this.log = log;
        this.task = task;
        this.clock = clock;
        this.repeatEvery = repeatEvery;
    }

    /** Records a failure; logs it when it is news (first, other reason, or a while since the last line). */
    synchronized void failed(String reason, Instant retryAt) {
        failures++;
        Instant now = clock.instant();
        boolean news = !reason.equals(lastReason) || lastLoggedAt == null
                || !now.isBefore(lastLoggedAt.plus(repeatEvery));
        if (news) {
            log.warn("{}: {} (failure {}{})", task, reason, failures, retryAt == null ? "" : ", retry at " + retryAt);
            lastReason = reason;
            lastLoggedAt = now;
        } else {
            log.debug("{}: {} (failure {})", task, reason, failures);
        }
    }

    /** Records a success; logs the recovery if failures were logged before. */
    synchronized void succeeded() {
        if (failures > 0) {
            log.info("{}: working again after {} failures", task, failures);
        }
        failures = 0;
        lastReason = null;
        lastLoggedAt = null;
    }

    synchronized int failures() {
        return failures;
    }
}
