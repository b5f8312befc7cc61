package io.tracemark.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The station's CPU per unit in each window of {@code window} verdicts of one job, from samples of
 * (units verified so far, CPU nanoseconds so far) taken while the job runs: a figure that shows
 * whether work grows with the job even when other load on the machine moves the units/s. A count
 * that goes down (the counters of a new job) starts over. Not thread-safe: one sampler calls it.
 */
final class CpuByWindow {

    private final long window;
    private final List<long[]> marks = new ArrayList<>();
    private long[] last;

    CpuByWindow(long window) {
        this.window = window;
    }

    void sample(long verified, long cpuNanos) {
        if (last != null && verified < last[0]) {
            marks.clear();
        }
        last = new long[] {verified, cpuNanos};
        if (marks.isEmpty() || verified >= (marks.size()) * window) {
            marks.add(last);
        }
    }

    /** ms of CPU per unit in each window (the last one up to the last sample), rounded to µs. */
    List<Double> msPerUnit() {
        List<long[]> points = new ArrayList<>(marks);
        if (last != null && !points.isEmpty() && points.get(points.size() - 1) != last) {
            points.add(last);
        }
        List<Double> out = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            long units = points.get(i)[0] - points.get(i - 1)[0];
            if (units > 0) {
                out.add(Math.round((points.get(i)[1] - points.get(i - 1)[1]) / 1e3 / units) / 1e3);
            }
        }
        return out;
    }
}
