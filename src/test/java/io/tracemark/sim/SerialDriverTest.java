package io.tracemark.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.device.DeviceRegistry;
import io.tracemark.printer.JobSettings;
import io.tracemark.printer.PrinterStatus;
import io.tracemark.printer.ZplPrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serial driver (jSerialComm) over a pseudo-terminal that socat bridges to the virtual printer's
 * TCP port: the same ZPL driver, a real serial device node.
 */
class SerialDriverTest {

    @Test
    void printsAndReadsStatusOverASerialPty(@TempDir Path dir) throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "the serial tests need /usr/bin/socat (.ci/run installs it)");
        try (VirtualPrinter vp = new VirtualPrinter(VirtualPrinter.Settings.instant(ZplPrinterOverTcpTest.PROFILE))) {
            vp.start();
            Path tty = dir.resolve("ttyV0");
            Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + tty, "tcp:127.0.0.1:" + vp.port())
                    .redirectErrorStream(true).start();
            try {
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (!Files.exists(tty) && System.nanoTime() < deadline && socat.isAlive()) {
                    Thread.onSpinWait();
                }
                assertTrue(Files.exists(tty), "socat did not create " + tty);
                RecordingListener events = new RecordingListener();
                try (ZplPrinter driver = new ZplPrinter(DeviceRegistry.withStandardTransports()
                        .create("serial://" + tty.toRealPath() + "?baud=115200"), ZplPrinterOverTcpTest.OPTIONS)) {
                    driver.addListener(events);
                    driver.open(JobSettings.from(ZplPrinterOverTcpTest.PROFILE));
                    events.expectPrinted(10);
                    for (long unit = 1; unit <= 10; unit++) {
                        driver.submit(ZplPrinterOverTcpTest.label(unit));
                    }
                    assertTrue(events.awaitPrinted());
                    assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(), events.printed);
                    PrinterStatus status = driver.status();
                    assertTrue(status.ready(), status.summary());
                    assertEquals(10, vp.printedCount());
                }
            } finally {
                socat.destroy();
                // socat removes its pty link as it exits: the temporary folder is deleted after that
                assertTrue(socat.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "socat did not exit");
            }
        }
    }
}
