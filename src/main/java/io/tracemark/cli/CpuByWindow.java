package io.tracemark.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The station's CPU per unit in each window of {@code window} verdicts of one job, from samples of
 * (units verified so far, CPU nanoseconds so far) taken while the job runs: a figure that shows
 * whether work grows with the job even when other load on the machine moves the units/s. A count
 * that goes down (the counters of a new job) starts over. Not thread-safe: one sampler calls it.
 */
final class CpuByWindow {

    private final long window;
    private final List<long[]> marks = new ArrayList<>();
    private final List<Map<String, Long>> groupMarks = new ArrayList<>();
    private long[] last;
    private Map<String, Long> lastGroups = Map.of();

    CpuByWindow(long window) {
        this.window = window;
    }

    void sample(long verified, long cpuNanos) {
        sample(verified, cpuNanos, Map.of());
    }

    /** {@link #sample(long, long)} with the CPU nanoseconds so far by thread group as well. */
    void sample(long verified, long cpuNanos, Map<String, Long> byGroup) {
        if (last != null && verified < last[0]) {
            marks.clear();
            groupMarks.clear();
        }
        last = new long[] {verified, cpuNanos};
        lastGroups = byGroup;
        if (marks.isEmpty() || verified >= (marks.size()) * window) {
            marks.add(last);
            groupMarks.add(byGroup);
        }
    }

    /**
     * Per window, the ms of CPU per unit of each thread group that took at least {@code minMs} per
     * unit in it, largest first: which part of the station a change in {@link #msPerUnit()} comes from.
     */
    List<Map<String, Double>> byGroupMsPerUnit(double minMs) {
        List<long[]> points = new ArrayList<>(marks);
        List<Map<String, Long>> groups = new ArrayList<>(groupMarks);
        if (last != null && !points.isEmpty() && points.get(points.size() - 1) != last) {
            points.add(last);
            groups.add(lastGroups);
        }
        List<Map<String, Double>> out = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            long units = points.get(i)[0] - points.get(i - 1)[0];
            if (units <= 0) {
                continue;
            }
            out.add(perUnit(groups.get(i), groups.get(i - 1), units, minMs));
        }
        return out;
    }

    /**
     * ms of CPU per unit of each thread group between two samples of its CPU nanoseconds, rounded
     * to µs, the groups that took at least {@code minMs} per unit, largest first.
     */
    static Map<String, Double> perUnit(Map<String, Long> after, Map<String, Long> before, long units, double minMs) {
        Map<String, Double> perUnit = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> Map.entry(e.getKey(), Math.round(e.getValue() / 1e3 / units) / 1e3))
                .filter(e -> e.getValue() >= minMs)
                .forEach(e -> perUnit.put(e.getKey(), e.getValue()));
        return perUnit;
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
