package io.tracemark.platform;

import java.time.Duration;
import java.time.Instant;

/**
 * How far behind the platform is, for the panel and {@code GET /api/v1/status}.
 *
 * @param backlog             outbox messages not yet delivered
 * @param oldestAge           how long the oldest of them has waited (zero when none)
 * @param consecutiveFailures failed delivery attempts since the last success
 * @param lastError           the last failure's message, null after a success
 * @param nextAttemptAt       when the sender tries again after a failure, null when it is not waiting
 * @param delivered           messages delivered since this sender started
 */
public record PlatformLag(long backlog, Duration oldestAge, int consecutiveFailures, String lastError,
                          Instant nextAttemptAt, long delivered) {

    /** Whether the platform holds everything the station reported. */
    public boolean caughtUp() {
        return backlog == 0;
    }
}
