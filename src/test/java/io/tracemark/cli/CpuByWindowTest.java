package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The station's CPU per unit in each window of verdicts, from the bench's samples. */
class CpuByWindowTest {

    @Test
    void cpuPerUnitBetweenTheSamplesThatCrossEachWindow() {
        CpuByWindow w = new CpuByWindow(100);
        w.sample(0, 0);
        w.sample(50, 25_000_000);      // 0.5 ms per unit so far
        w.sample(100, 50_000_000);     // window 1 ends: 0.5 ms/unit
        w.sample(150, 100_000_000);
        w.sample(210, 160_000_000);    // window 2 ends past 200: 110 units, 110 ms
        w.sample(250, 200_000_000);    // the rest: 40 units, 40 ms
        assertEquals(List.of(0.5, 1.0, 1.0), w.msPerUnit());
    }

    @Test
    void aNewJobsCountersStartOver() {
        CpuByWindow w = new CpuByWindow(100);
        w.sample(300, 900_000_000);    // the warm-up job's count, still shown
        w.sample(0, 1_000_000_000);    // the measured job started
        w.sample(100, 1_030_000_000);
        assertEquals(List.of(0.3), w.msPerUnit());
        assertEquals(List.of(), new CpuByWindow(100).msPerUnit(), "no samples, no windows");
    }

    @Test
    void eachWindowSaysWhichThreadGroupsTookTheCpu() {
        CpuByWindow w = new CpuByWindow(100);
        w.sample(0, 0, Map.of("group-commit", 0L, "zpl-poller", 0L));
        w.sample(100, 50_000_000, Map.of("group-commit", 40_000_000L, "zpl-poller", 10_000_000L));
        w.sample(200, 150_000_000, Map.of("group-commit", 130_000_000L, "zpl-poller", 20_000_000L,
                "outbox-sender", 500_000L));
        List<Map<String, Double>> byGroup = w.byGroupMsPerUnit(0.01);
        assertEquals(List.of(Map.of("group-commit", 0.4, "zpl-poller", 0.1),
                Map.of("group-commit", 0.9, "zpl-poller", 0.1)), byGroup, "outbox-sender's 0.005 ms is left out");
        assertEquals(List.of("group-commit", "zpl-poller"), List.copyOf(byGroup.get(1).keySet()), "largest first");
        assertEquals(List.of(0.5, 1.0), w.msPerUnit());
    }

}
