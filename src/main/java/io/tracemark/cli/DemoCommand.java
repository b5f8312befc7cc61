package io.tracemark.cli;

import io.tracemark.app.DemoPlatform;
import io.tracemark.app.DemoRun;
import io.tracemark.app.PackingRun;
import io.tracemark.app.LineFaults;
import io.tracemark.app.SampleStation;
import io.tracemark.app.SimulatedLine;
import io.tracemark.app.StationPanel;
import io.tracemark.records.StationLock;
import io.tracemark.sim.DegradationMix;
import io.tracemark.web.PanelServer;
import io.tracemark.web.UserAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: the whole simulated line on this machine (DESIGN.md section 4). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the simulated line: virtual printer over TCP, virtual camera, real decoder, reject gate.")
public final class DemoCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "7070", description = "touch panel port (0 = any free port)")
    int port;

    @Option(names = "--units", description = "units to make good in the job (default: a continuous 10,000-unit job)")
    Integer units;

    @Option(names = "--exit-when-done", description = "end the batch and exit when the job is complete")
    boolean exitWhenDone;

    @Option(names = "--faults", defaultValue = "", description = "e.g. printer.paperOutAfter=50,camera.defectRate=0.02,gate.unconfirmedAt=30")
    String faults;

    @Option(names = "--data", description = "data directory; an existing one is reused (resumes an unfinished job)")
    Path data;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the camera and of the platform's opaque codes")
    long seed;

    @Option(names = "--codes", description = "code buffer pulled from the in-process platform before the job starts"
            + " and kept topped up (default: the job's quantity plus 10 %% and 50)")
    Integer codes;

    @Option(names = "--drain-timeout", defaultValue = "PT30S",
            description = "how long --exit-when-done waits for the platform to receive every unit (default: ${DEFAULT-VALUE})")
    Duration drainTimeout;

    @Option(names = "--max-stops", defaultValue = "20", description = "faults the demo operator clears before giving up")
    int maxStops;

    @Option(names = "--pack", description = "run the packing station: verified units in cases of this many,"
            + " " + SimulatedLine.CASES_PER_PALLET + " cases to a pallet, SSCC case labels printed and read back")
    Integer pack;

    @Option(names = "--json", description = "print the reconciliation as one JSON document")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        LineFaults lineFaults = LineFaults.parse(faults, DegradationMix.line(), seed);
        Path dir = data != null ? data : Files.createTempDirectory("tracemark-demo-");
        int quantity = units != null ? units : 10_000;
        int buffer = codes != null ? codes : quantity + quantity / 10 + 50;
        SimulatedLine.Options options = SimulatedLine.Options.demo(dir);
        options = new SimulatedLine.Options(dir, lineFaults, options.settings(), buffer, seed,
                options.labelsPerSecond(), options.printerProfile());
        if (pack != null) {
            if (pack <= 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--pack must be > 0, was " + pack);
            }
            options = options.withPacking(pack);
        }
        try (StationLock lock = StationLock.take(dir, "start the station");
             SimulatedLine sim = SimulatedLine.start(options); PanelServer panel = startPanel(sim)) {
            LOG.info("demo data directory {}, reference platform {}", dir, sim.platform().url());
            if (!exitWhenDone) {
                return runForever(sim, quantity);
            }
            DemoRun.Outcome outcome = DemoRun.run(sim, quantity, maxStops, Duration.ofHours(12));
            Map<String, Object> packing = null;
            if (outcome.books().isPresent() && sim.station().packing().isPresent()) {
                packing = PackingRun.finish(sim.station().packing().get(), outcome.books().get(), "demo-supervisor",
                        Duration.ofSeconds(5), Duration.ofMinutes(10));
            }
            Optional<DemoPlatform.Report> platform = outcome.books()
                    .map(r -> sim.platform().finish(r.job(), drainTimeout));
            return report(outcome, platform, packing);
        }
    }

    /**
     * The panel runs with the demo users (README); a headless {@code --exit-when-done} run starts it only
     * when {@code --port} is given.
     */
    private PanelServer startPanel(SimulatedLine sim) {
        if (exitWhenDone && !spec.commandLine().getParseResult().hasMatchedOption("--port")) {
            return null;
        }
        UserAccounts accounts = StationPanel.accounts(sim.database());
        StationPanel.ensureDemoUsers(accounts);
        PanelServer panel = sim.station().startPanel(accounts, "127.0.0.1", port);
        LOG.info("touch panel: http://localhost:{}/  (operator 1001 / PIN 1234, supervisor 2001 / 234567, admin 9001 / 999999)",
                panel.port());
        return panel;
    }

    private int runForever(SimulatedLine sim, int quantity) throws InterruptedException {
        if (sim.station().recovered().isEmpty()) {
            sim.line().start(SampleStation.itemJob(quantity, LocalDate.now()), "demo-operator");
        } else {
            sim.line().restart("demo-operator");
        }
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
        forever.await();
        return 0;
    }

    private int report(DemoRun.Outcome outcome, Optional<DemoPlatform.Report> platform, Map<String, Object> packing) {
        Map<String, Object> doc = AccountingDocument.of(outcome, platform.map(DemoCommand::platformDoc).orElse(null));
        if (packing != null) {
            doc.put("packing", packing);
        }
        AccountingDocument.print(spec.commandLine().getOut(), doc, json);
        int status = AccountingDocument.exitStatus(outcome);
        return packing != null && !Boolean.TRUE.equals(packing.get("balanced")) ? 1 : status;
    }

    private static Map<String, Object> platformDoc(DemoPlatform.Report p) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("url", p.url().toString());
        doc.put("backlog", p.backlog());
        doc.put("delivered", p.delivered());
        doc.put("events", p.events());
        doc.put("dailyQuantity", p.dailyQuantity());
        doc.put("publicPage", p.publicPage().map(Object::toString).orElse(null));
        return doc;
    }
}
