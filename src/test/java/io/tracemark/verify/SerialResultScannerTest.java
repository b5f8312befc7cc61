package io.tracemark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.device.DeviceUri;
import io.tracemark.device.SerialTransport;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Keyence-style reader on a pseudo-terminal pair made by socat (a real serial line stand-in). */
class SerialResultScannerTest {

    @Test
    void readsResultsOverASerialLine(@TempDir Path dir) throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "the serial tests need /usr/bin/socat (.ci/run installs it)");
        Path station = dir.resolve("station");
        Path reader = dir.resolve("reader");
        Process socat = new ProcessBuilder("/usr/bin/socat", "pty,raw,echo=0,link=" + station,
                "pty,raw,echo=0,link=" + reader).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!(Files.exists(station) && Files.exists(reader)) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(Files.exists(station), "socat made the pty pair");
            BlockingQueue<ReadResult> results = new LinkedBlockingQueue<>();
            try (ResultStringScanner s = new ResultStringScanner(ScannerProfiles.builtIn("keyence-sr"),
                    new SerialTransport(DeviceUri.parse("serial://" + station.toRealPath() + "?baud=115200")), Clock.systemUTC());
                 OutputStream device = new FileOutputStream(reader.toRealPath().toFile())) {
                s.setListener(results::add);
                s.start();
                device.write("]d20106901234567892\tA\rERROR\r".getBytes(StandardCharsets.US_ASCII));
                device.flush();
                ReadResult.Read read = assertInstanceOf(ReadResult.Read.class, results.poll(5, TimeUnit.SECONDS));
                assertEquals("0106901234567892", read.data());
                assertInstanceOf(ReadResult.NoRead.class, results.poll(5, TimeUnit.SECONDS));
            }
        } finally {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
