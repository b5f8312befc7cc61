package io.tracemark.cli;

import io.tracemark.app.StationConfig;
import io.tracemark.app.StationConfigReader;
import io.tracemark.app.StationRuntime;
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
        try (StationRuntime runtime = StationRuntime.start(station)) {
            // The touch panel (io.tracemark.web.PanelServer on station.panel().port()) is wired here by
            // the composition root once the web package is on main.
            LOG.info("station {} running; line {}", station.stationName(), runtime.line().snapshot().state());
            CountDownLatch forever = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
            forever.await();
        }
        return 0;
    }
}
