package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throttle's books and the expiry of stale throttle and session entries, on a settable clock. */
class SignInThrottleTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(5, Duration.ofSeconds(30), Duration.ofMinutes(15), clock);

    @Test
    void attemptsInFlightCountAgainstTheAllowance() {
        List<SignInThrottle.Attempt> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(throttle.attempt("1001").granted().orElseThrow());
        }
        SignInThrottle.Refusal busy = throttle.attempt("1001").refusal();
        assertFalse(busy.locked(), "not locked yet: five are being checked");
        assertEquals(Duration.ofSeconds(1), busy.retryAfter());
        held.get(0).abandoned();
        SignInThrottle.Attempt again = throttle.attempt("1001").granted().orElseThrow();
        held.set(0, again);
        for (int i = 0; i < 4; i++) {
            assertEquals(4 - i, held.get(i).failed());
        }
        assertEquals(0, held.get(4).failed());
        SignInThrottle.Refusal locked = throttle.attempt("1001").refusal();
        assertTrue(locked.locked());
        assertEquals(Duration.ofSeconds(30), locked.retryAfter());
        assertTrue(throttle.attempt("9001").granted().isPresent(), "other users are not affected");
    }

    @Test
    void aSuccessClearsTheUserAndAnExpiredLockGivesAFreshAllowance() {
        for (int i = 0; i < 5; i++) {
            throttle.attempt("1001").granted().orElseThrow().failed();
        }
        clock.advance(Duration.ofSeconds(31));
        for (int i = 0; i < 4; i++) {
            throttle.attempt("1001").granted().orElseThrow().failed();
        }
        throttle.attempt("1001").granted().orElseThrow().succeeded();
        assertEquals(0, throttle.size(), "a success forgets the user");
    }

    @Test
    void staleEntriesExpireAndAreSwept() {
        for (int i = 0; i <= SignInThrottle.SWEEP_ABOVE; i++) {
            throttle.attempt("made-up-" + i).granted().orElseThrow().failed();
        }
        assertEquals(SignInThrottle.SWEEP_ABOVE + 1, throttle.size());
        clock.advance(Duration.ofMinutes(14));
        throttle.attempt("one-more").granted().orElseThrow().failed();
        assertEquals(SignInThrottle.SWEEP_ABOVE + 2, throttle.size(), "not stale yet after 14 min");
        clock.advance(Duration.ofMinutes(2));
        throttle.attempt("late").granted().orElseThrow().failed();
        assertEquals(2, throttle.size(), "quiet for more than 15 min: forgotten (only one-more and late remain)");

        for (int i = 0; i < 5; i++) {
            throttle.attempt("locked").granted().orElseThrow().failed();
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.sweep();
        assertEquals(0, throttle.size());
    }

    @Test
    void idleSessionsAreSweptWhenAnotherSessionIsCreated() {
        List<String> expired = new ArrayList<>();
        SessionRegistry sessions = new SessionRegistry(Duration.ofMinutes(10), clock, s -> expired.add(s.userId()));
        UserAccount li = new UserAccount("1001", "Li", Role.OPERATOR, true, "x", clock.instant());
        UserAccount zhao = new UserAccount("9001", "Zhao", Role.ADMIN, true, "x", clock.instant());
        SessionRegistry.Session abandoned = sessions.create(li, false);
        clock.advance(Duration.ofMinutes(9));
        SessionRegistry.Session live = sessions.create(zhao, false);
        assertEquals(2, sessions.size());
        clock.advance(Duration.ofMinutes(2));
        sessions.create(zhao, false);
        assertEquals(2, sessions.size(), "the abandoned session is gone without being looked up");
        assertEquals(List.of("1001"), expired, "and its idle sign-out was reported once");
        assertTrue(sessions.find(abandoned.id(), false).isEmpty());
        assertTrue(sessions.find(live.id(), true).isPresent());
    }
}
