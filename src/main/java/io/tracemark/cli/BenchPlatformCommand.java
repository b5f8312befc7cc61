package io.tracemark.cli;

import io.tracemark.platform.PlatformBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench platform [--json]}: unit events per second from the station outbox to a reference
 * platform on loopback, with the exactly-once check (every event re-sent, none stored twice).
 */
@Command(name = "platform",
        mixinStandardHelpOptions = true,
        description = {"Measure unit events per second through the station outbox (SQLite) to a reference platform"
                + " on 127.0.0.1, in a temporary directory; then re-send everything and check the platform stored"
                + " nothing twice."})
public final class BenchPlatformCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", defaultValue = "20000", description = "events to send (default: ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "500", description = "events per call, 1..1000 (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--json", description = "print one JSON document with the figures")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (events < 1 || events > 1_000_000 || batch < 1 || batch > 1000) {
            throw new IllegalArgumentException("bench platform: need 1 <= --events <= 1000000 and 1 <= --batch <= 1000, got "
                    + events + " and " + batch);
        }
        Path dir = Files.createTempDirectory("tracemark-bench-platform");
        try {
            PlatformBenchmark.Result r = PlatformBenchmark.run(dir, events, batch);
            PrintWriter out = spec.commandLine().getOut();
            boolean exactlyOnce = r.platformHolds() == r.events() && r.resentAccepted() == 0;
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("benchmark", "platform");
                doc.put("events", r.events());
                doc.put("batchSize", r.batchSize());
                doc.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
                doc.put("eventsPerSecond", Math.round(r.eventsPerSecond()));
                doc.put("platformHolds", r.platformHolds());
                doc.put("resentStoredAgain", r.resentAccepted());
                doc.put("exactlyOnce", exactlyOnce);
                JsonOutput.print(out, doc);
            } else {
                out.printf("outbox -> reference platform (loopback): %d events in %.2f s = %.0f events/s (batch %d)%n",
                        r.events(), r.seconds(), r.eventsPerSecond(), r.batchSize());
                out.printf("platform holds %d events; re-sent all, stored again: %d (%s)%n", r.platformHolds(),
                        r.resentAccepted(), exactlyOnce ? "exactly once" : "NOT exactly once");
                out.flush();
            }
            return exactlyOnce ? 0 : 1;
        } finally {
            delete(dir);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
