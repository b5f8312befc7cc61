package io.tracemark.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the station's own threads (line, feeder, device worker, printer driver, database
 * writer and checkpointer, scanner and gate drivers, platform senders and their HTTP client), sampled so that threads which end during the run (a feeder per start) are counted up to
 * their last sample. Threads of simulated devices and of the reference platform are not the
 * station's and are left out; the decoder thread is counted by the scanner itself (the simulated
 * camera draws on it). Not thread-safe: one sampler thread calls {@link #sample()}.
 */
final class StationCpu {

    /**
     * The JDK's HTTP client threads ({@code java.net.http}: the camera's snapshot and MJPEG sources;
     * the reference platform in the same process is a Jetty server, whose threads are left out).
     */
    static final String HTTP_CLIENT = "HttpClient-";

    /**
     * Name prefixes of the station's threads. {@code platform-http-} runs the platform client's
     * exchanges, {@code Keep-Alive-} are the JDK's keep-alive threads of its connections
     * ({@code HttpURLConnection}: only the station uses that in {@code bench line}).
     */
    static final List<String> STATION_THREADS = List.of("line-control", "line-watchdog", "line-feeder",
            "line-device-io", "group-commit", "checkpoint", "zpl-events", "zpl-poller", "tcp-write-watchdog",
            "outbox-sender", "code-range-puller", "daily-quantity", "code-returns", "batch-end", "panel-events",
            "scanner-", "gate-", "modbus-gate", "mjpeg-", HTTP_CLIENT, "platform-http-", "Keep-Alive-");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> cpuById = new HashMap<>();
    private final Map<Long, String> groupById = new HashMap<>();

    StationCpu() {
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    /** Whether this JVM measures per-thread CPU time. */
    boolean supported() {
        return threads.isThreadCpuTimeSupported();
    }

    void sample() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String group = STATION_THREADS.stream().filter(info.getThreadName()::startsWith).findFirst().orElse(null);
            if (group == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                cpuById.merge(info.getThreadId(), cpu, Math::max);
                groupById.put(info.getThreadId(), group);
            }
        }
    }

    /** CPU nanoseconds of the station's threads at their last samples. */
    long nanos() {
        return cpuById.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@link #nanos()} by thread group (the name prefix of {@link #STATION_THREADS}). */
    Map<String, Long> nanosByGroup() {
        Map<String, Long> byGroup = new TreeMap<>();
        cpuById.forEach((id, cpu) -> byGroup.merge(groupById.get(id), cpu, Long::sum));
        return byGroup;
    }
}
