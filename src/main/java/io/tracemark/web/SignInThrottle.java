package io.tracemark.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits PIN guessing. Each key (a user id, a remote address) may fail {@code failuresBeforeLock}
 * times; then it is locked, first for {@code firstLock}, and each further lock twice as long up to
 * {@code maxLock}. A success or a quiet period of {@code maxLock} clears the key.
 */
final class SignInThrottle {

    private record Track(int failures, int locks, Instant lockedUntil, Instant lastFailure) {
    }

    private final int failuresBeforeLock;
    private final Duration firstLock;
    private final Duration maxLock;
    private final Clock clock;
    private final ConcurrentHashMap<String, Track> tracks = new ConcurrentHashMap<>();

    SignInThrottle(int failuresBeforeLock, Duration firstLock, Duration maxLock, Clock clock) {
        this.failuresBeforeLock = failuresBeforeLock;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
        this.clock = clock;
    }

    /** How long the key is still locked; zero when it may try. */
    Duration lockedFor(String key) {
        Track track = tracks.get(key);
        if (track == null || track.lockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), track.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Counts a failure; returns the attempts left before the key is locked (0 when it just got locked). */
    int fail(String key) {
        Instant now = clock.instant();
        Track track = tracks.compute(key, (k, old) -> {
            Track t = old == null || expired(old, now) ? new Track(0, old == null ? 0 : old.locks(), null, now) : old;
            int failures = t.failures() + 1;
            if (failures < failuresBeforeLock) {
                return new Track(failures, t.locks(), t.lockedUntil(), now);
            }
            int locks = t.locks() + 1;
            return new Track(0, locks, now.plus(lockLength(locks)), now);
        });
        return track.failures() == 0 ? 0 : failuresBeforeLock - track.failures();
    }

    /** Clears the key after a successful sign-in. */
    void succeed(String key) {
        tracks.remove(key);
    }

    private boolean expired(Track track, Instant now) {
        return Duration.between(track.lastFailure(), now).compareTo(maxLock) > 0
                && (track.lockedUntil() == null || now.isAfter(track.lockedUntil()));
    }

    private Duration lockLength(int locks) {
        Duration length = firstLock.multipliedBy(1L << Math.min(locks - 1, 20));
        return length.compareTo(maxLock) > 0 ? maxLock : length;
    }
}
