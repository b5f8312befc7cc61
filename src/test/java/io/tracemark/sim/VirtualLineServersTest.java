package io.tracemark.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.DeviceException;
import io.tracemark.device.DeviceUri;
import io.tracemark.device.TcpTransport;
import io.tracemark.verify.CommandRejectGate;
import io.tracemark.verify.Frame;
import io.tracemark.verify.FrameDecoder;
import io.tracemark.verify.HttpSnapshotSource;
import io.tracemark.verify.MjpegImageSource;
import io.tracemark.verify.ReadResult;
import io.tracemark.verify.ResultStringScanner;
import io.tracemark.verify.ScannerProfiles;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The virtual line's device interfaces, each against the station's real driver over loopback: the
 * reader's result strings with trigger numbers through {@link ResultStringScanner} and the generic
 * profile, the camera's JPEG frames through {@link HttpSnapshotSource} and {@link MjpegImageSource}
 * and the decoder, the gate's commands and confirmations through {@link CommandRejectGate}.
 */
class VirtualLineServersTest {

    @Test
    void readerResultsCarryTheTriggerNumberAndParseWithTheGenericProfile() throws Exception {
        try (ReaderServer server = new ReaderServer(0)) {
            BlockingQueue<ReadResult> results = new LinkedBlockingQueue<>();
            ResultStringScanner scanner = new ResultStringScanner(ScannerProfiles.builtIn("generic"),
                    new TcpTransport(DeviceUri.parse("tcp://127.0.0.1:" + server.port())), Clock.systemUTC());
            scanner.setListener(results::add);
            scanner.start();
            try {
                assertTrue(server.awaitClients(1, Duration.ofSeconds(30)), "the scanner connects to the reader");
                assertEquals("7\t]d2010690123400001621ABC\r\n", ReaderServer.readLine(7, "]d2", "010690123400001621ABC"));
                server.publish(ReaderServer.readLine(7, "]d2", "0106901234000016\u001d21ABC"));
                ReadResult read = results.poll(30, TimeUnit.SECONDS);
                assertTrue(read instanceof ReadResult.Read, String.valueOf(read));
                assertEquals("0106901234000016\u001d21ABC", ((ReadResult.Read) read).data(), "trigger number taken off");
                assertEquals("]d2", ((ReadResult.Read) read).symbologyId());
            } finally {
                scanner.stop();
            }
        }
    }

    @Test
    void cameraFramesAreServedAsSnapshotAndMjpegAndDecode() throws Exception {
        SampleLabels.Label label = SampleLabels.label(1, 5);
        VirtualCamera camera = new VirtualCamera(CameraSettings.standard(), DegradationMix.none(), 5);
        try (FrameServer server = new FrameServer(0)) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            MjpegImageSource stream = new MjpegImageSource(base.resolve("/mjpeg"), Duration.ofSeconds(10));
            assertTrue(server.awaitStreams(1, Duration.ofSeconds(30)), "the MJPEG source opens its stream");
            VirtualCamera.CapturedFrame captured = camera.capture(label.image(), label.codeBox());
            server.publish(captured.image());
            Optional<Frame> streamed = stream.next(Duration.ofSeconds(30));
            stream.close();
            assertTrue(streamed.isPresent(), "a frame on the MJPEG stream without waiting for the next one");
            HttpSnapshotSource snapshot = new HttpSnapshotSource(base.resolve("/snapshot"), Duration.ofSeconds(10));
            snapshot.trigger();
            Optional<Frame> still = snapshot.next(Duration.ofSeconds(30));
            assertTrue(still.isPresent());
            FrameDecoder decoder = new FrameDecoder();
            for (Frame f : List.of(streamed.get(), still.get())) {
                assertEquals(1280, f.image().getWidth());
                assertEquals(label.expected(), decoder.decode(f.image(), captured.plan().codeBox()).orElseThrow().data(),
                        "the JPEG frame decodes to the label's code where the camera placed it");
            }
        }
    }

    @Test
    void gateConfirmsFiredRejectsAndStaysSilentOnUnconfirmedOnes() throws Exception {
        VirtualRejectGate gate = new VirtualRejectGate("virtual-gate", GatePlan.parse("unconfirmedAt=2"), 100);
        try (GateServer server = new GateServer(gate, 0); CommandRejectGate driver = driver(server)) {
            assertTrue(driver.reject(-1).get(30, TimeUnit.SECONDS), "the challenge unit (negative id) is confirmed");
            assertFalse(driver.reject(42).get(30, TimeUnit.SECONDS), "the 2nd reject goes unconfirmed: no answer");
            assertTrue(driver.reject(43).get(30, TimeUnit.SECONDS));
            assertEquals(List.of(-1L, 43L), gate.fired());
            assertEquals(List.of(42L), gate.unconfirmed());
        }
    }

    @Test
    void gateMissesAndDoublesPulsesAsItsPlanSaysAndCountsWhatItCarriedOut() throws Exception {
        VirtualRejectGate gate = new VirtualRejectGate("virtual-gate", GatePlan.parse("missedAt=2,extraAt=3"), 100);
        try (GateServer server = new GateServer(gate, 0); CommandRejectGate driver = driver(server)) {
            assertTrue(gate.counts(), "missedAt and extraAt give the gate a counter");
            assertTrue(driver.reject(41).get(30, TimeUnit.SECONDS));
            assertFalse(driver.reject(42).get(30, TimeUnit.SECONDS), "a missed pulse fires nothing: no confirmation");
            assertTrue(driver.reject(43).get(30, TimeUnit.SECONDS));
            assertEquals(List.of(41L, 43L), gate.fired());
            assertEquals(List.of(42L), gate.missed());
            assertEquals(3, gate.plcRejectCount(), "one for the first pulse, none for the missed, two for the bounce");
            assertEquals(3L, gate.inOrder(counter -> counter.getAsLong()).get(30, TimeUnit.SECONDS),
                    "the station reads the same counter in order with the fires");
        }
        VirtualRejectGate plain = new VirtualRejectGate("plain", GatePlan.NONE, 100);
        assertFalse(plain.counts());
        assertThrows(DeviceException.class, plain::plcRejectCount, "a gate without a counter says so");
    }

    /** The station's gate driver for the virtual gate: {@code R<unit>}, confirmed by {@code OK <unit>}. */
    private static CommandRejectGate driver(GateServer server) {
        return new CommandRejectGate(new TcpTransport(DeviceUri.parse("tcp://127.0.0.1:" + server.port())),
                "R{unit}\r\n", "OK {unit}", Duration.ofSeconds(2));
    }
}
