package io.tracemark.cli;

import io.tracemark.app.LineFaults;
import io.tracemark.app.RasterRenderer;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.sim.CameraSettings;
import io.tracemark.sim.DegradationMix;
import io.tracemark.sim.FrameServer;
import io.tracemark.sim.GateServer;
import io.tracemark.sim.ReaderServer;
import io.tracemark.sim.VirtualLine;
import io.tracemark.sim.VirtualPlc;
import io.tracemark.sim.VirtualPrinter;
import io.tracemark.sim.VirtualReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code virtual-line}: the simulated physical line as its own process, speaking the real protocols
 * on loopback ports: a ZPL printer, a camera that sees every printed label (rendered, degraded)
 * and reports result strings with its trigger number, the same frames over HTTP, a reject gate
 * with a command interface and confirmations, and the same gate on a PLC over Modbus TCP
 * ({@link VirtualPlc}). {@code station-virtual.yaml} points at its defaults,
 * {@code station-virtual-modbus.yaml} at its Modbus gate.
 */
@Command(name = "virtual-line", mixinStandardHelpOptions = true,
        description = {"Run the simulated physical line on 127.0.0.1 until stopped: a ZPL printer (--printer-port),"
                + " a reader that sends '<trigger>TAB[AIM id]<data>' or '<trigger>TABNOREAD' lines (CR LF) for every"
                + " label it sees (--scanner-port), the same camera frames as GET /snapshot (JPEG) and GET /mjpeg"
                + " (--image-port), a reject gate answering 'R<unit>' with 'OK <unit>' (--gate-port), and the same"
                + " gate on a Modbus TCP PLC (--modbus-port): unit 1, coil 12 fires it, discrete input 7 (on while"
                + " the pusher is out) confirms it, holding register 3 counts the rejects it carried out.",
            "Port 0 picks a free port; --json prints the ports bound."})
public final class VirtualLineCommand implements Callable<Integer> {

    /** The pulse and confirmation timeout of the Modbus gate URI printed for station.yaml. */
    private static final int PLC_PULSE_MS = 80;
    private static final int PLC_TIMEOUT_MS = 1000;

    @Spec
    CommandSpec spec;

    @Option(names = "--printer-port", defaultValue = "9100", paramLabel = "P", description = "ZPL port (default: ${DEFAULT-VALUE})")
    int printerPort;

    @Option(names = "--scanner-port", defaultValue = "9101", paramLabel = "S",
            description = "result-string port (default: ${DEFAULT-VALUE})")
    int scannerPort;

    @Option(names = "--gate-port", defaultValue = "9102", paramLabel = "G", description = "reject gate port (default: ${DEFAULT-VALUE})")
    int gatePort;

    @Option(names = "--image-port", paramLabel = "I", description = "HTTP camera port (none unless given)")
    Integer imagePort;

    @Option(names = "--modbus-port", paramLabel = "M", description = "Modbus TCP port of the gate's PLC (none unless given)")
    Integer modbusPort;

    @Option(names = "--modbus-confirm", defaultValue = "input", paramLabel = "KIND",
            description = "how the PLC confirms a reject: input (input 7 on while the pusher is out), latch (input 7"
                    + " latched until the station writes coil 13) or counter (holding register 4 counts confirmed"
                    + " rejects); default: ${DEFAULT-VALUE}")
    String modbusConfirm;

    @Option(names = "--faults", defaultValue = "", paramLabel = "SPEC",
            description = "e.g. printer.paperOutAfter=50,camera.defectRate=0.02,gate.unconfirmedAt=30 (as demo --faults)")
    String faults;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "seed of the camera's degradations")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "write printed.tsv (label number, TAB, symbol data) here")
    Path out;

    @Option(names = "--profile", defaultValue = "zt411-203", description = "printer profile (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--speed", defaultValue = "0", description = "labels per second; 0 prints instantly")
    double speed;

    @Option(names = "--camera-resolution", defaultValue = "10", paramLabel = "PX_PER_MM",
            description = "camera pixels per mm on the label plane, 1280x1024 frames (default: ${DEFAULT-VALUE}; a closer"
                    + " camera or a longer lens gives more)")
    double cameraResolution;

    @Option(names = "--json", description = "print one JSON document with the ports once listening")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        for (int port : new int[] {printerPort, scannerPort, gatePort, imagePort == null ? 0 : imagePort,
            modbusPort == null ? 0 : modbusPort}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("virtual-line: port " + port + " is not 0..65535");
            }
        }
        if (speed < 0) {
            throw new IllegalArgumentException("virtual-line: --speed must be 0 (instant) or positive, got " + speed);
        }
        VirtualPlc.Confirmation confirmation = switch (modbusConfirm) {
            case "input" -> VirtualPlc.Confirmation.PULSE;
            case "latch" -> VirtualPlc.Confirmation.LATCH;
            case "counter" -> VirtualPlc.Confirmation.COUNTER;
            default -> throw new IllegalArgumentException("virtual-line: --modbus-confirm must be input, latch or counter,"
                    + " got '" + modbusConfirm + "'");
        };
        LineFaults plan = LineFaults.parse(faults, DegradationMix.line(), seed);
        if (plan.cameraFailAt() > 0) {
            throw new IllegalArgumentException("virtual-line: camera.failAt is not supported here (stop the process instead)");
        }
        PrinterProfile p = PrinterProfiles.load(profile);
        CameraSettings standard = CameraSettings.standard();
        if (cameraResolution < 2 || cameraResolution > 40) {
            throw new IllegalArgumentException("virtual-line: --camera-resolution must be 2..40 px/mm, got " + cameraResolution);
        }
        CameraSettings optics = new CameraSettings(standard.width(), standard.height(), cameraResolution,
                p.resolutionDpmm(), standard.background(), standard.paper(), standard.ink());
        VirtualLine line = new VirtualLine(new VirtualLine.Settings(new VirtualPrinter.Settings("virtual-printer",
                printerPort, p, speed, plan.printer(), RasterRenderer.of(p), null), optics,
                plan.camera(), plan.cameraSeed(), plan.gate(), 200, out));
        ShutdownSignal shutdown = new ShutdownSignal("virtual-line");
        try (line; ReaderServer reader = new ReaderServer(scannerPort);
             GateServer gate = new GateServer(line.gate(), gatePort);
             FrameServer frames = imagePort == null ? null : new FrameServer(imagePort);
             VirtualPlc plc = modbusPort == null ? null : new VirtualPlc(VirtualPlc.Layout.STANDARD, plan.gate(),
                     confirmation);
             VirtualReader camera = new VirtualReader(line.camera(), reader, frames)) {
            int printer = line.start();
            if (plc != null) {
                plc.start(modbusPort);
            }
            camera.start();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("printerPort", printer);
            doc.put("scannerPort", reader.port());
            doc.put("gatePort", gate.port());
            doc.put("imagePort", frames == null ? null : frames.port());
            doc.put("modbusPort", plc == null ? null : plc.port());
            doc.put("modbusGate", plc == null ? null : plc.gateUri(PLC_PULSE_MS, PLC_TIMEOUT_MS));
            doc.put("faults", faults.isBlank() ? "none" : faults);
            if (json) {
                JsonOutput.print(spec.commandLine().getOut(), doc);
            } else {
                spec.commandLine().getErr().println("virtual line on 127.0.0.1: printer " + printer + ", scanner "
                        + reader.port() + ", gate " + gate.port() + (frames == null ? "" : ", images http://127.0.0.1:"
                        + frames.port() + "/mjpeg") + (plc == null ? "" : ", Modbus gate " + plc.gateUri(PLC_PULSE_MS,
                        PLC_TIMEOUT_MS)) + "; Ctrl-C stops it");
                spec.commandLine().getErr().flush();
            }
            shutdown.await();
        } finally {
            shutdown.closed();
        }
        return 0;
    }
}
