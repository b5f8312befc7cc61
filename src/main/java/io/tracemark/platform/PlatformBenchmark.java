package io.tracemark.platform;

import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.store.Database;
import io.tracemark.store.Outbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code bench platform}: unit events per second from the station's outbox to a reference platform
 * on loopback, each event durable in the outbox first and held exactly once by the platform.
 */
public final class PlatformBenchmark {

    /**
     * The figures.
     *
     * @param events          events sent
     * @param batchSize       events per HTTP call
     * @param seconds         time to drain the outbox
     * @param eventsPerSecond events / seconds
     * @param platformHolds   events the platform holds afterwards (must equal {@code events})
     * @param resentAccepted  events the platform stored again when the whole outbox was re-sent (must be 0)
     */
    public record Result(int events, int batchSize, double seconds, double eventsPerSecond, long platformHolds,
                         long resentAccepted) {
    }

    private PlatformBenchmark() {
    }

    /** Runs the benchmark in {@code dir} (two data directories are created below it). */
    public static Result run(Path dir, int events, int batchSize) {
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("platform"), true);
             Database db = Database.open(dir.resolve("station"))) {
            List<String> codes = platform.activateCodes(SampleData.KETTLE, events);
            Outbox outbox = new Outbox(db);
            Instant at = Instant.now();
            fill(db, outbox, codes, at);
            OutboxSender sender = new OutboxSender(db, outbox, platform.client(), job -> SampleData.KETTLE,
                    new OutboxSender.Settings(batchSize, Duration.ofMillis(50),
                            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 0.2, 1)), Clock.systemUTC());
            long start = System.nanoTime();
            while (outbox.backlog().count() > 0) {
                OutboxSender.Round r = sender.drainOnce();
                if (r.error() != null) {
                    throw new PlatformException(PlatformException.Kind.SERVER_ERROR, 0, "bench platform: " + r.error(),
                            List.of(), null);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long resent = resendAll(platform, codes, batchSize, at);
            return new Result(events, batchSize, seconds, events / seconds, platform.eventCount(), resent);
        }
    }

    private static void fill(Database db, Outbox outbox, List<String> codes, Instant at) {
        for (int from = 0; from < codes.size(); from += 1000) {
            int start = from;
            db.inTransaction(conn -> {
                for (int i = start; i < Math.min(start + 1000, codes.size()); i++) {
                    outbox.append(conn, "unit.verdict", "unit-verdict/BENCH/" + (i + 1),
                            "{\"job\":\"BENCH\",\"seq\":" + (i + 1) + ",\"code\":\"" + codes.get(i)
                                    + "\",\"state\":\"VERIFIED\",\"reason\":null,\"grade\":\"A\",\"at\":\"" + at + "\"}");
                }
                return null;
            });
        }
    }

    /** Sends every event again, as a station would after losing its sent marks: nothing new may be stored. */
    private static long resendAll(ReferencePlatform platform, List<String> codes, int batchSize, Instant at) {
        PlatformClient client = platform.client();
        long accepted = 0;
        for (int from = 0; from < codes.size(); from += batchSize) {
            List<io.tracemark.platform.wire.UnitEvent> batch = new java.util.ArrayList<>();
            for (int i = from; i < Math.min(from + batchSize, codes.size()); i++) {
                batch.add(new io.tracemark.platform.wire.UnitEvent("unit-verdict/BENCH/" + (i + 1), codes.get(i),
                        SampleData.KETTLE, io.tracemark.platform.wire.UnitEventType.VERIFIED, at, "BENCH", null, null,
                        java.util.Map.of("grade", "A", "seq", String.valueOf(i + 1)))); // the very event sent
            }
            accepted += client.postEvents(batch).accepted();
        }
        return accepted;
    }
}
