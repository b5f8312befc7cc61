package io.tracemark.cli;

import io.tracemark.app.SiteConfigReader;
import io.tracemark.site.SiteBenchmark;
import io.tracemark.site.SiteConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench site --config site.yaml [--stations 20] [--json]}: the site's intake from simulated
 * stations on the database of site.yaml (one of its own: the benchmark writes its units there).
 */
@Command(name = "site", mixinStandardHelpOptions = true,
        description = {"Measure the site server: simulated stations post result-string units (VERIFIED events) as fast"
                + " as they can; the site (database of --config, which should be empty and the benchmark's own) forwards"
                + " them to a reference platform on 127.0.0.1.",
            "Reports events/s taken durably, the outbox's lag to the platform, range hand-out latency and database"
                + " bytes per million units; exit 1 unless the platform holds every event exactly once."})
public final class BenchSiteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "site.yaml", description = "its database is used")
    Path config;

    @Option(names = "--stations", defaultValue = "20", description = "simulated stations (default: ${DEFAULT-VALUE})")
    int stations;

    @Option(names = "--units", defaultValue = "5000", description = "units per station (default: ${DEFAULT-VALUE})")
    int units;

    @Option(names = "--batch", defaultValue = "100", description = "events per call of a station, 1..1000 (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--json", description = "print one JSON document with the figures")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (stations < 1 || stations > 200 || units < 1 || units > 1_000_000 || batch < 1 || batch > 1000) {
            throw new IllegalArgumentException("bench site: need 1 <= --stations <= 200, 1 <= --units <= 1000000 and"
                    + " 1 <= --batch <= 1000, got " + stations + ", " + units + " and " + batch);
        }
        SiteConfig site = new SiteConfigReader().read(config);
        SiteConfig.Database db = new SiteConfig.Database(site.database().url(), site.database().user(),
                site.database().password(), Math.max(site.database().poolSize(), stations + 4));
        Path dir = Files.createTempDirectory("tracemark-bench-site");
        SiteBenchmark.Result r;
        try {
            r = SiteBenchmark.run(dir, db, stations, units, batch);
        } finally {
            BenchPlatformCommand.delete(dir);
        }
        boolean exactlyOnce = r.platformHolds() == r.events() && r.events() == (long) stations * units;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("benchmark", "site");
            doc.put("stations", r.stations());
            doc.put("events", r.events());
            doc.put("batchSize", r.batch());
            doc.put("intakeSeconds", round(r.intakeSeconds()));
            doc.put("eventsPerSecond", Math.round(r.eventsPerSecond()));
            doc.put("maxOutboxEvents", r.maxOutboxEvents());
            doc.put("platformLagSecondsAfterIntake", round(r.drainSecondsAfter()));
            doc.put("rangeHandOutMsMedian", round(r.handOutMsMedian()));
            doc.put("rangeHandOutMsMax", round(r.handOutMsMax()));
            doc.put("rangesHandedOut", r.rangesHandedOut());
            doc.put("databaseBytesPerMillionUnits", r.databaseBytesPerMillionUnits());
            doc.put("platformHolds", r.platformHolds());
            doc.put("exactlyOnce", exactlyOnce);
            JsonOutput.print(out, doc);
        } else {
            out.printf("site intake from %d stations: %d events in %.2f s = %.0f events/s durable (batch %d)%n",
                    r.stations(), r.events(), r.intakeSeconds(), r.eventsPerSecond(), r.batch());
            out.printf("outbox to the platform: at most %d events waiting; platform complete %.2f s after the last reply%n",
                    r.maxOutboxEvents(), r.drainSecondsAfter());
            out.printf("range hand-out: median %.1f ms, max %.1f ms (%d ranges); database %d bytes per million units%n",
                    r.handOutMsMedian(), r.handOutMsMax(), r.rangesHandedOut(), r.databaseBytesPerMillionUnits());
            out.printf("platform holds %d events (%s)%n", r.platformHolds(), exactlyOnce ? "exactly once" : "NOT exactly once");
            out.flush();
        }
        return exactlyOnce ? 0 : 1;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
