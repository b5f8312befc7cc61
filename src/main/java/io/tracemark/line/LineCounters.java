package io.tracemark.line;

import io.tracemark.ledger.Reconciliation;
import java.time.Clock;
import java.util.ArrayDeque;

/** Unit counters of the job on the line, kept in memory from the verdicts; seeded from the ledger. */
final class LineCounters {

    private static final int RATE_WINDOW = 200;

    private final Clock clock;
    private final ArrayDeque<Long> verdictTimes = new ArrayDeque<>();
    private long planned;
    private long sent;
    private long verified;
    private long rejected;
    private long voided;

    LineCounters(Clock clock) {
        this.clock = clock;
    }

    synchronized void reset(long plannedUnits, Reconciliation books) {
        planned = plannedUnits;
        sent = books == null ? 0 : books.sent();
        verified = books == null ? 0 : books.verified();
        rejected = books == null ? 0 : books.rejected();
        voided = books == null ? 0 : books.voided();
        verdictTimes.clear();
    }

    synchronized void sent() {
        sent++;
    }

    synchronized void judged(boolean ok) {
        if (ok) {
            verified++;
        } else {
            rejected++;
        }
        verdictTimes.addLast(clock.millis());
        if (verdictTimes.size() > RATE_WINDOW) {
            verdictTimes.pollFirst();
        }
    }

    synchronized void voided(long n) {
        voided += n;
    }

    synchronized long verified() {
        return verified;
    }

    synchronized long planned() {
        return planned;
    }

    synchronized Counters snapshot() {
        double perMinute = 0;
        if (verdictTimes.size() >= 2) {
            long span = verdictTimes.peekLast() - verdictTimes.peekFirst();
            perMinute = span <= 0 ? 0 : Math.round((verdictTimes.size() - 1) * 60_000.0 / span * 10) / 10.0;
        }
        double yield = verified + rejected == 0 ? 100 : Math.round(verified * 1000.0 / (verified + rejected)) / 10.0;
        return new Counters(planned, sent, verified, rejected, voided, Math.max(0, planned - verified), perMinute, yield);
    }
}
