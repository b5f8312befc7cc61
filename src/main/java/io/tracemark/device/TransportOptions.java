package io.tracemark.device;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Timeouts shared by every transport, read from the URI query ({@code connectTimeoutMs},
 * {@code writeTimeoutMs}).
 *
 * @param connect longest wait to open the link
 * @param write   longest wait for one write to complete
 */
public record TransportOptions(Duration connect, Duration write) {

    public static final TransportOptions DEFAULT = new TransportOptions(Duration.ofSeconds(3), Duration.ofSeconds(5));

    static final Set<String> KEYS = Set.of("connectTimeoutMs", "writeTimeoutMs");

    /** Reads the timeouts from {@code uri}; any query key not in {@code allowed} or {@link #KEYS} is an error. */
    static TransportOptions from(DeviceUri uri, Set<String> allowed) {
        List<Problem> problems = new ArrayList<>();
        for (String key : uri.query().keySet()) {
            if (!KEYS.contains(key) && !allowed.contains(key)) {
                List<String> known = new ArrayList<>(KEYS);
                known.addAll(allowed);
                known.sort(null);
                problems.add(new Problem("query." + key, "unknown option for " + uri.scheme() + "; known: " + known));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("device URI '" + uri.raw() + "'", problems);
        }
        return new TransportOptions(
                Duration.ofMillis(uri.intParam("connectTimeoutMs", (int) DEFAULT.connect.toMillis())),
                Duration.ofMillis(uri.intParam("writeTimeoutMs", (int) DEFAULT.write.toMillis())));
    }
}
