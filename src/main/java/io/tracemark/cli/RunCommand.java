package io.tracemark.cli;

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
import picocli.CommandLine.Option;

/** {@code run --config station.yaml}: the station daemon on real devices. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the station on the printers, scanners and reject gate of station.yaml.")
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--config", required = true, description = "station.yaml")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
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
