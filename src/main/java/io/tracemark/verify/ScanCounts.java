package io.tracemark.verify;

/** A snapshot of a scanner's counters since it was created. */
public record ScanCounts(long reads, long noReads, long badReads) {

    public long total() {
        return reads + noReads + badReads;
    }
}
