package io.tracemark.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * How the panel behaves; checked once, then fixed.
 *
 * @param idleTimeout        automatic sign-out after this long without user activity (default 10 min)
 * @param failuresBeforeLock wrong PINs per user before its sign-in is locked (default 5); only that user is locked
 * @param firstLock          the first lock (default 30 s); every further lock lasts twice as long
 * @param maxLock            the longest lock (default 15 min)
 * @param heartbeat          interval of SSE heartbeat comments (default 15 s)
 * @param trustedOrigins     origins besides the station's own that may send state-changing requests
 *                           with a session cookie, e.g. {@code http://hmi.local:8080}; usually empty
 * @param clock              time source (tests use a settable one)
 * @param pinCheckThreads    threads that hash PINs for sign-in (default 1: the line keeps the other core)
 * @param pinCheckQueue      sign-ins that may wait for a PIN check; more at once are refused with 503 (default 4)
 */
public record PanelSettings(Duration idleTimeout, int failuresBeforeLock, Duration firstLock, Duration maxLock,
                            Duration heartbeat, Set<String> trustedOrigins, Clock clock, int pinCheckThreads,
                            int pinCheckQueue) {

    public PanelSettings {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("panel idle timeout must be positive, was " + idleTimeout);
        }
        if (failuresBeforeLock < 1) {
            throw new IllegalArgumentException("failures before lock must be >= 1, was " + failuresBeforeLock);
        }
        if (firstLock.isNegative() || maxLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("sign-in locks must satisfy 0 <= first (" + firstLock
                    + ") <= max (" + maxLock + ")");
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("SSE heartbeat must be positive, was " + heartbeat);
        }
        if (pinCheckThreads < 1 || pinCheckQueue < 0) {
            throw new IllegalArgumentException("PIN checks need >= 1 thread and a queue >= 0, were " + pinCheckThreads
                    + " and " + pinCheckQueue);
        }
        trustedOrigins = Set.copyOf(trustedOrigins);
    }

    /** 10 min idle, 5 failures, 30 s first lock up to 15 min, 15 s heartbeat, system clock, 1 PIN thread, 4 waiting. */
    public static PanelSettings defaults() {
        return new PanelSettings(Duration.ofMinutes(10), 5, Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofSeconds(15), Set.of(), Clock.systemUTC(), 1, 4);
    }

    public PanelSettings withIdleTimeout(Duration value) {
        return new PanelSettings(value, failuresBeforeLock, firstLock, maxLock, heartbeat, trustedOrigins, clock,
                pinCheckThreads, pinCheckQueue);
    }

    public PanelSettings withHeartbeat(Duration value) {
        return new PanelSettings(idleTimeout, failuresBeforeLock, firstLock, maxLock, value, trustedOrigins, clock,
                pinCheckThreads, pinCheckQueue);
    }

    public PanelSettings withClock(Clock value) {
        return new PanelSettings(idleTimeout, failuresBeforeLock, firstLock, maxLock, heartbeat, trustedOrigins, value,
                pinCheckThreads, pinCheckQueue);
    }

    public PanelSettings withPinChecks(int threads, int queue) {
        return new PanelSettings(idleTimeout, failuresBeforeLock, firstLock, maxLock, heartbeat, trustedOrigins, clock,
                threads, queue);
    }

    public PanelSettings withTrustedOrigins(Set<String> value) {
        return new PanelSettings(idleTimeout, failuresBeforeLock, firstLock, maxLock, heartbeat, value, clock,
                pinCheckThreads, pinCheckQueue);
    }
}
