package io.tracemark.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.app.DemoRun;
import io.tracemark.app.PlatformLink;
import io.tracemark.app.Station;
import io.tracemark.app.StationCheck;
import io.tracemark.app.StationConfig;
import io.tracemark.app.StationConfigReader;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.line.JobRequest;
import io.tracemark.platform.PlatformException;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.records.StationLock;
import io.tracemark.web.JobRequestReader;
import io.tracemark.web.PanelServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run --config station.yaml [--job JOB.json] [--exit-when-done] [--json]}: the station daemon
 * on the devices of station.yaml, with its platform link and touch panel. With {@code --job} it
 * starts that job (the panel's job request as JSON, validated the same way); with
 * {@code --exit-when-done} it runs the job (or the job a crash left open) to its end, ends the batch,
 * waits for the platform to have every unit, and prints the accounting document {@code demo} prints.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the station on the printers, scanners and reject gates of station.yaml, linked to its"
                + " traceability platform (platform.url), with the touch panel on panel.host:panel.port.",
            "A station without users needs TRACEMARK_ADMIN_PIN (6-12 digits) for its first admin, user 9001.",
            "Exit status with --exit-when-done: 0 the job ran to its end and balanced without duplicates; 1 it did not"
                + " run, a fault stopped it, or its books do not balance."})
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, description = "station.yaml")
    Path config;

    @Option(names = "--job", paramLabel = "JOB.json",
            description = "start this job: productId, batch, productionDate, expiryDate, traceLevel, scheme, template,"
                    + " printer, scanner, quantity, minimumGrade (as the panel's job request)")
    Path job;

    @Option(names = "--exit-when-done", description = "run the job (--job, or the one a crash left open) to its end,"
            + " end the batch, print its accounting and exit")
    boolean exitWhenDone;

    @Option(names = "--drain-timeout", defaultValue = "PT60S",
            description = "how long --exit-when-done waits for the platform to receive every unit (default: ${DEFAULT-VALUE})")
    Duration drainTimeout;

    @Option(names = "--json", description = "print the accounting as one JSON document (with --exit-when-done)")
    boolean json;
    @Option(names = "--check", description = "check the configuration, every device URI, profile and template it"
            + " names, list every problem with its key path and exit (1 when there is any); opens no device")
    boolean check;

    @Override
    public Integer call() throws InterruptedException {
        if (check) {
            StationCheck result = StationCheck.of(config);
            java.io.PrintWriter out = spec.commandLine().getOut();
            out.println(result.report(config));
            out.flush();
            return result.ok() ? 0 : 1;
        }
        StationConfig station = new StationConfigReader().read(config);
        JobRequest request = job == null ? null : readJob(job);
        ShutdownSignal shutdown = new ShutdownSignal("run");
        try {
            return run(station, request, shutdown);
        } finally {
            shutdown.closed();
        }
    }

    private int run(StationConfig station, JobRequest request, ShutdownSignal shutdown) throws InterruptedException {
        try (StationLock lock = StationLock.take(station.dataDir(), "start the station");
             Station runtime = Station.builder(station).start();
             PanelServer panel = runtime.startPanel(System.getenv("TRACEMARK_ADMIN_PIN"))) {
            LOG.info("station {} running; line {}; touch panel on http://{}:{}/; {}", station.stationName(),
                    runtime.line().snapshot().state(), station.panel().host(), panel.port(),
                    station.platform().present() ? "platform " + station.platform().url()
                            : "no platform: codes from imported code packages");
            if (request != null && !runtime.recovered().isEmpty()) {
                LOG.warn("job {} was left open and is resumed first; --job {} is not started", runtime.recovered()
                        .get(runtime.recovered().size() - 1), job);
                request = null;
            }
            if (request != null) {
                List<Problem> problems = runtime.line().validate(request);
                if (!problems.isEmpty()) {
                    throw new InvalidInputException("job " + job, problems);
                }
            }
            if (exitWhenDone) {
                return runToEnd(runtime, request);
            }
            if (request != null) {
                runtime.line().start(request, actor());
            }
            shutdown.await();
        }
        return 0;
    }

    private int runToEnd(Station runtime, JobRequest request) {
        DemoRun.Outcome outcome = DemoRun.run(runtime, request, DemoRun.Operator.NOBODY, 0, Duration.ofHours(24), actor());
        Map<String, Object> platform = runtime.platform().map(this::finish).orElse(null);
        AccountingDocument.print(spec.commandLine().getOut(), AccountingDocument.of(outcome, platform), json);
        // unattended, a fault ends the run: the job is not done even when its books balance
        return outcome.stops().isEmpty() ? AccountingDocument.exitStatus(outcome) : 1;
    }

    /** Waits for the outbox to drain, reports today's quantity, and says what the platform has. */
    private Map<String, Object> finish(PlatformLink link) {
        boolean drained = link.awaitDrained(drainTimeout);
        if (!drained) {
            LOG.warn("outbox not drained within {}: {}", drainTimeout, link.lag());
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Long> quantities = new LinkedHashMap<>();
        String error = null;
        try {
            for (DailyQuantity q : link.reportToday()) {
                quantities.merge(q.productId(), q.quantity(), Long::sum);
            }
        } catch (PlatformException e) {
            error = e.getMessage();
        }
        doc.put("backlog", link.lag().backlog());
        doc.put("delivered", link.lag().delivered());
        doc.put("drained", drained);
        doc.put("dailyQuantity", quantities);
        doc.put("dailyQuantityError", error);
        return doc;
    }

    private static String actor() {
        return "run:" + System.getProperty("user.name", "unknown");
    }

    /** The job file, read as the panel reads a job request; every unreadable field is named. */
    static JobRequest readJob(Path file) {
        JsonNode body;
        try {
            body = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("job " + file, List.of(new Problem(file.toString(), "not valid JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr())));
        } catch (IOException e) {
            throw new InvalidInputException("job " + file, List.of(new Problem(file.toString(), "cannot read: " + e)));
        }
        JobRequestReader.Read read = JobRequestReader.read(body);
        if (!read.problems().isEmpty()) {
            throw new InvalidInputException("job " + file, new ArrayList<>(read.problems()));
        }
        return read.request();
    }
}
