package io.tracemark.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits PIN guessing per user id. A PIN is checked only with an {@link Attempt} taken here first,
 * and a user has at most {@code failuresBeforeLock} attempts that failed or are still being checked:
 * taking one is a single atomic step, so 50 concurrent wrong PINs get exactly that many checks and
 * every other request is refused before any hashing. When the allowance is used up by failures the
 * user is locked, first for {@code firstLock}, each further lock twice as long up to {@code maxLock}.
 *
 * <p>Only the user is locked, never an address: a burst against one user id does not keep anybody
 * else out (spraying many ids from one address is slowed by the bounded PIN pool instead). A success
 * clears the user; a user quiet for {@code maxLock} after the end of its lock is forgotten, and
 * forgotten entries are swept so the table cannot grow with made-up ids.
 */
final class SignInThrottle {

    /** Entries above which taking an attempt first sweeps the forgotten ones. */
    static final int SWEEP_ABOVE = 1_000;

    /** Why an attempt was not handed out. */
    record Refusal(Duration retryAfter, boolean locked) {
    }

    /** Leave to check one PIN of one user; report its outcome exactly once. */
    final class Attempt {
        private final String user;
        private boolean done;

        private Attempt(String user) {
            this.user = user;
        }

        /** The PIN was wrong; returns the attempts left before the lock (0: now locked). */
        int failed() {
            finish();
            Instant now = clock.instant();
            Track track = tracks.compute(user, (k, old) -> failedAt(old == null ? new Track(0, 1, 0, null, now) : old, now));
            return track.failures() == 0 ? 0 : failuresBeforeLock - track.failures();
        }

        /** The PIN was right: the user starts afresh. */
        void succeeded() {
            finish();
            tracks.computeIfPresent(user, (k, old) -> old.inFlight() > 1
                    ? new Track(0, old.inFlight() - 1, 0, null, clock.instant()) : null);
        }

        /** The PIN could not be checked (pool busy): the attempt is given back uncounted. */
        void abandoned() {
            finish();
            tracks.computeIfPresent(user, (k, old) -> old.withoutInFlight());
        }

        private void finish() {
            if (done) {
                throw new IllegalStateException("sign-in attempt of " + user + " already reported");
            }
            done = true;
        }
    }

    private record Track(int failures, int inFlight, int locks, Instant lockedUntil, Instant lastActivity) {

        Track withoutInFlight() {
            return new Track(failures, inFlight - 1, locks, lockedUntil, lastActivity);
        }
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

    /**
     * Takes one attempt for the user, or says why not: locked (and for how long), or every allowed
     * attempt is being checked right now (retry in a second).
     */
    Result attempt(String user) {
        Instant now = clock.instant();
        if (tracks.size() > SWEEP_ABOVE) {
            sweep();
        }
        Refusal[] refusal = new Refusal[1];
        tracks.compute(user, (k, old) -> {
            Track t = old == null || forgotten(old, now) ? new Track(0, 0, old == null ? 0 : old.locks(), null, now) : old;
            if (t.lockedUntil() != null && now.isBefore(t.lockedUntil())) {
                refusal[0] = new Refusal(Duration.between(now, t.lockedUntil()), true);
                return t;
            }
            int failures = t.lockedUntil() != null ? 0 : t.failures(); // a lock that ran out gives a fresh allowance
            if (failures + t.inFlight() >= failuresBeforeLock) {
                refusal[0] = new Refusal(Duration.ofSeconds(1), false);
                return t;
            }
            return new Track(failures, t.inFlight() + 1, t.locks(), null, now);
        });
        return refusal[0] != null ? new Result(null, refusal[0]) : new Result(new Attempt(user), null);
    }

    /** Either an attempt or a refusal. */
    record Result(Attempt attempt, Refusal refusal) {

        Optional<Attempt> granted() {
            return Optional.ofNullable(attempt);
        }
    }

    /** How many users the throttle remembers (for tests of the expiry). */
    int size() {
        return tracks.size();
    }

    /** Forgets every user quiet for long enough. */
    void sweep() {
        Instant now = clock.instant();
        tracks.entrySet().removeIf(e -> e.getValue().inFlight() == 0 && forgotten(e.getValue(), now));
    }

    private Track failedAt(Track t, Instant now) {
        int failures = t.failures() + 1;
        if (failures < failuresBeforeLock) {
            return new Track(failures, t.inFlight() - 1, t.locks(), null, now);
        }
        int locks = t.locks() + 1;
        return new Track(0, t.inFlight() - 1, locks, now.plus(lockLength(locks)), now);
    }

    private boolean forgotten(Track track, Instant now) {
        Instant since = track.lockedUntil() != null && track.lockedUntil().isAfter(track.lastActivity())
                ? track.lockedUntil() : track.lastActivity();
        return track.inFlight() == 0 && Duration.between(since, now).compareTo(maxLock) > 0;
    }

    private Duration lockLength(int locks) {
        Duration length = firstLock.multipliedBy(1L << Math.min(locks - 1, 20));
        return length.compareTo(maxLock) > 0 ? maxLock : length;
    }
}
