package io.tracemark.line;

import io.tracemark.ledger.Reconciliation;
import java.time.Clock;

/**
 * Unit counters of the job on the line, kept in memory from the verdicts; seeded from the ledger. The
 * rate is over the last minute ({@link RateWindow}): it falls to 0 when nothing is judged.
 */
final class LineCounters {

    private final RateWindow rate;
    private long planned;
    private long sent;
    private long verified;
    private long rejected;
    private long voided;

    LineCounters(Clock clock) {
        this.rate = new RateWindow(clock);
        rate.clear();
    }

    synchronized void reset(long plannedUnits, Reconciliation books) {
        planned = plannedUnits;
        sent = books == null ? 0 : books.sent();
        verified = books == null ? 0 : books.verified();
        rejected = books == null ? 0 : books.rejected();
        voided = books == null ? 0 : books.voided();
        rate.clear();
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
        rate.add();
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
        double perMinute = rate.perMinute();
        double yield = verified + rejected == 0 ? 100 : Math.round(verified * 1000.0 / (verified + rejected)) / 10.0;
        return new Counters(planned, sent, verified, rejected, voided, Math.max(0, planned - verified), perMinute, yield);
    }
}
