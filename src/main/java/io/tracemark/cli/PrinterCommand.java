package io.tracemark.cli;

import io.tracemark.app.RasterRenderer;
import io.tracemark.device.DeviceRegistry;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.printer.PrinterStatus;
import io.tracemark.printer.ZplPrinter;
import io.tracemark.printer.ZplPrinterOptions;
import io.tracemark.sim.SimPrinters;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code printer status URI [--json]}: asks a printer for ~HS and ~HQES and prints the decoded status. */
@Command(name = "printer", mixinStandardHelpOptions = true, description = "Talk to a label printer.",
        subcommands = PrinterCommand.Status.class)
public final class PrinterCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Query ~HS and ~HQES and print the decoded status; exit 0 when ready, 1 when not.")
    static final class Status implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "URI", description = "tcp://host:9100, serial:///dev/ttyUSB0?baud=9600, sim://name?faults")
        String uri;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Option(names = "--timeout-ms", defaultValue = "2000", description = "how long to wait for each reply")
        long timeoutMs;

        @Override
        public Integer call() {
            try (SimPrinters sims = new SimPrinters(PrinterProfiles.load("zt411-203"),
                    RasterRenderer::of)) {
                DeviceRegistry registry = DeviceRegistry.withStandardTransports().register("sim", sims);
                ZplPrinterOptions options = ZplPrinterOptions.defaults().withStatusTimeout(Duration.ofMillis(timeoutMs));
                PrinterStatus status;
                try (ZplPrinter printer = new ZplPrinter(registry.create(uri), options)) {
                    status = printer.status();
                }
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    JsonOutput.print(out, document(status));
                } else {
                    out.print(PrinterStatusTable.of(status));
                    out.flush();
                }
                return status.ready() ? 0 : 1;
            }
        }

        private static Map<String, Object> document(PrinterStatus status) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("device", status.device());
            doc.put("at", status.at());
            doc.put("link", status.link());
            doc.put("ready", status.ready());
            doc.put("conditions", status.conditions());
            doc.put("detail", status.detail());
            doc.put("hostStatus", status.host());
            if (status.extended() != null) {
                Map<String, Object> ext = new LinkedHashMap<>();
                ext.put("errors", status.extended().errors());
                ext.put("warnings", status.extended().warnings());
                ext.put("errorGroup1", String.format("%08X", status.extended().errorGroup1()));
                ext.put("warningGroup1", String.format("%08X", status.extended().warningGroup1()));
                doc.put("extendedStatus", ext);
            } else {
                doc.put("extendedStatus", null);
            }
            return doc;
        }
    }
}
