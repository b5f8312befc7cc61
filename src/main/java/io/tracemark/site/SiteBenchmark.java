package io.tracemark.site;

import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.EventBatchResult;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench site}: simulated stations, each posting result-string units (VERIFIED events) to a site
 * as fast as a station's outbox does (one batch at a time, the next once the site answered); the site
 * on a real PostgreSQL database forwards them to a reference platform on loopback. Figures: events per
 * second the site took durably (each reply comes after its commit), the outbox's lag to the platform,
 * the latency of a range hand-out, the database's growth per million units, and the exactly-once check.
 */
public final class SiteBenchmark {

    /**
     * @param stations             simulated stations
     * @param events               events taken (one per unit)
     * @param batch                events per call of a station
     * @param intakeSeconds        from the first event sent to the last reply
     * @param eventsPerSecond      events / intakeSeconds
     * @param maxOutboxEvents      the most events waiting for the platform, sampled every 100 ms
     * @param drainSecondsAfter    from the last reply until the platform held every event
     * @param handOutMsMedian      median latency of a range hand-out (request + range + acknowledgement)
     * @param handOutMsMax         slowest one (it includes a pull from the platform when the pool was empty)
     * @param rangesHandedOut      ranges handed out
     * @param databaseBytesPerMillionUnits growth of the site database, scaled to a million units
     * @param platformHolds        events at the platform afterwards (must equal {@code events})
     */
    public record Result(int stations, long events, int batch, double intakeSeconds, double eventsPerSecond,
                         long maxOutboxEvents, double drainSecondsAfter, double handOutMsMedian, double handOutMsMax,
                         int rangesHandedOut, long databaseBytesPerMillionUnits, long platformHolds) {
    }

    private static final int RANGE = 1000;

    private SiteBenchmark() {
    }

    /** Runs the benchmark with a reference platform in {@code dir} and the site on {@code database} (an empty one of its own). */
    public static Result run(Path dir, SiteConfig.Database database, int stations, int unitsPerStation, int batch)
            throws Exception {
        List<SiteConfig.StationEntry> entries = new ArrayList<>();
        for (int i = 1; i <= stations; i++) {
            entries.add(new SiteConfig.StationEntry("bench-" + i, "bench " + i, token(i)));
        }
        long total = (long) stations * unitsPerStation;
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("platform"), true)) {
            platform.useSequentialSerials(SampleData.KETTLE);
            SiteConfig config = new SiteConfig("bench", new SiteConfig.Listen("127.0.0.1", 0), database,
                    new SiteConfig.Platform(platform.baseUrl(), SampleData.STATION_TOKEN, 60, 3600),
                    new SiteConfig.Pool(Math.min(total, 1_000_000), 1_000_000), entries, null, null);
            try (SiteServer site = SiteServer.start(config)) {
                long sizeBefore = databaseSize(site.database());
                List<Double> handOuts = Collections.synchronizedList(new ArrayList<>());
                ExecutorService threads = Executors.newFixedThreadPool(stations);
                List<Future<List<String>>> codes = new ArrayList<>();
                for (int i = 1; i <= stations; i++) {
                    int station = i;
                    codes.add(threads.submit(() -> takeCodes(client(site, station), unitsPerStation, handOuts)));
                }
                List<List<String>> perStation = new ArrayList<>();
                for (Future<List<String>> f : codes) {
                    perStation.add(f.get());
                }
                AtomicLong accepted = new AtomicLong();
                long start = System.nanoTime();
                List<Future<?>> senders = new ArrayList<>();
                for (int i = 1; i <= stations; i++) {
                    int station = i;
                    senders.add(threads.submit(() -> send(client(site, station), station, perStation.get(station - 1),
                            batch, accepted)));
                }
                long maxOutbox = 0;
                while (!senders.stream().allMatch(Future::isDone)) {
                    maxOutbox = Math.max(maxOutbox, site.forwarder().lag().events());
                    Thread.sleep(100);
                }
                for (Future<?> f : senders) {
                    f.get();
                }
                double intake = (System.nanoTime() - start) / 1e9;
                long afterIntake = System.nanoTime();
                long deadline = afterIntake + Duration.ofMinutes(10).toNanos();
                while (platform.eventCount() < total && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                double drain = (System.nanoTime() - afterIntake) / 1e9;
                threads.shutdown();
                long grown = databaseSize(site.database()) - sizeBefore;
                List<Double> sorted = new ArrayList<>(handOuts);
                Collections.sort(sorted);
                return new Result(stations, accepted.get(), batch, intake, accepted.get() / intake, maxOutbox, drain,
                        sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                        sorted.size(), Math.round(grown * (1_000_000.0 / total)), platform.eventCount());
            }
        }
    }

    private static String token(int station) {
        return "bench-station-token-" + station;
    }

    private static PlatformClient client(SiteServer site, int station) {
        return new HttpPlatformClient(site.url(), token(station), Duration.ofSeconds(60));
    }

    /** Ranges of {@value #RANGE} codes until the station holds {@code units}, each hand-out timed. */
    private static List<String> takeCodes(PlatformClient client, int units, List<Double> handOuts) {
        List<String> codes = new ArrayList<>(units);
        while (codes.size() < units) {
            long t = System.nanoTime();
            CodeRequest r = client.requestCodes(new NewCodeRequest(SampleData.KETTLE, Math.min(RANGE, units - codes.size()), null));
            if (r.rangeId() == null) {
                throw new IllegalStateException("bench site: request " + r.id() + " was not filled: " + r);
            }
            CodeRange range = client.activatedRanges(SampleData.KETTLE).stream().filter(x -> x.id().equals(r.rangeId()))
                    .findFirst().orElseThrow();
            client.acknowledge(range.id(), RangeAck.accept());
            handOuts.add((System.nanoTime() - t) / 1e6);
            codes.addAll(range.codes());
        }
        return codes;
    }

    /** One station's outbox: VERIFIED per code (with its grade and job's batch, as stations send it), a batch at a time. */
    private static void send(PlatformClient client, int station, List<String> codes, int batch, AtomicLong accepted) {
        Instant t0 = Instant.now();
        List<UnitEvent> events = new ArrayList<>(batch);
        for (int i = 0; i < codes.size(); i++) {
            events.add(new UnitEvent("bench-" + station + "/unit-verdict/bench-job-" + station + "/" + i, codes.get(i),
                    SampleData.KETTLE, UnitEventType.VERIFIED, t0.plusMillis(i), "bench-job-" + station, null, null,
                    Map.of("grade", "A", SiteEvents.BATCH, "bench-batch-" + station)));
            if (events.size() == batch || i == codes.size() - 1) {
                EventBatchResult r = client.postEvents(events);
                accepted.addAndGet(r.accepted());
                events = new ArrayList<>(batch);
            }
        }
    }

    private static long databaseSize(SiteDatabase db) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_database_size(current_database())");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
