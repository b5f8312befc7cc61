package io.tracemark.cli;

import io.tracemark.app.StationCheck;
import io.tracemark.app.StationConfig;
import io.tracemark.app.StationConfigReader;
import io.tracemark.app.StationRuntime;
import io.tracemark.web.PanelServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run --config station.yaml}: the station daemon on real devices. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the station on the printers, scanners and reject gate of station.yaml.")
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--config", required = true, description = "station.yaml")
    Path config;

    @Option(names = "--check", description = "check the configuration, every device URI, profile and template it"
            + " names, list every problem with its key path and exit (1 when there is any); opens no device")
    boolean check;

    @Spec
    CommandSpec spec;

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
        try (StationRuntime runtime = StationRuntime.start(station);
             PanelServer panel = runtime.startPanel(System.getenv("TRACEMARK_ADMIN_PIN"))) {
            LOG.info("station {} running; line {}; touch panel on http://{}:{}/", station.stationName(),
                    runtime.line().snapshot().state(), station.panel().host(), panel.port());
            CountDownLatch forever = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
            forever.await();
        }
        return 0;
    }
}
