package io.tracemark.line;

import io.tracemark.printer.LabelJob;
import io.tracemark.printer.Printer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The challenge test: prints a label carrying a deliberately wrong code (same template, a code the
 * ledger does not hold) where the camera expects the job's next code, and requires the verifier to
 * reject it from a real camera result and the gate to fire (and confirm). Challenge units have
 * negative ids and never touch the ledger.
 */
final class ChallengeTest {

    private static final AtomicLong NEXT_ID = new AtomicLong(-1);

    private final UnitMatcher matcher;
    private final Clock clock;
    private final Duration verdictTimeout;

    ChallengeTest(UnitMatcher matcher, Clock clock, Duration verdictTimeout) {
        this.matcher = matcher;
        this.clock = clock;
        this.verdictTimeout = verdictTimeout;
    }

    /**
     * @param like the code the camera will be told to expect (the job's next code; not consumed)
     */
    ChallengeResult run(Printer printer, JobLabels labels, String like) {
        long id = NEXT_ID.getAndDecrement();
        String code = labels.challengeCode(like, -id);
        CompletableFuture<ChallengeResult> outcome = new CompletableFuture<>();
        matcher.expect(new PendingUnit(id, 0, code, labels.expectation(like), clock.instant(), outcome));
        try {
            printer.submit(new LabelJob(id, labels.unitZpl(code)));
        } catch (RuntimeException e) {
            // a device failure, or ZPL the printer refuses (e.g. ^PQ2: more than one label)
            outcome.complete(new ChallengeResult(false, false, false, "challenge label could not be printed: "
                    + UnitMatcher.rootMessage(e)));
        }
        long waitMs = verdictTimeout.toMillis() * 2 + 5_000;
        try {
            return outcome.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new ChallengeResult(false, false, false, "no verdict on the challenge label within " + waitMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChallengeResult(false, false, false, "interrupted");
        } catch (ExecutionException e) {
            return new ChallengeResult(false, false, false, UnitMatcher.rootMessage(e));
        }
    }
}
