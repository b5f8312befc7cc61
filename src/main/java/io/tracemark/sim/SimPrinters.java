package io.tracemark.sim;

import io.tracemark.device.DeviceUri;
import io.tracemark.device.TcpTransport;
import io.tracemark.device.Transport;
import io.tracemark.device.TransportFactory;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code sim} scheme for printers: {@code sim://printer-1?paperOutAfter=500&speed=20&profile=zt411-203}
 * starts (once per name) an in-process {@link VirtualPrinter} on a free loopback port and connects to
 * it over real TCP. Every query key other than {@code speed} (labels/s, default instant) and
 * {@code profile} is a {@link FaultPlan} item. Register it in the composition root:
 * {@code registry.register("sim", simPrinters)}.
 */
public final class SimPrinters implements TransportFactory, AutoCloseable {

    private final PrinterProfile defaultProfile;
    private final LabelRendererFactory renderers;
    private final Map<String, VirtualPrinter> printers = new ConcurrentHashMap<>();

    /** Builds the renderer for a simulated printer of a profile. */
    @FunctionalInterface
    public interface LabelRendererFactory {
        LabelRenderer create(PrinterProfile profile);
    }

    public SimPrinters(PrinterProfile defaultProfile, LabelRendererFactory renderers) {
        this.defaultProfile = defaultProfile;
        this.renderers = renderers;
    }

    @Override
    public Transport create(DeviceUri uri) {
        VirtualPrinter printer = printers.computeIfAbsent(uri.host(), name -> start(name, uri));
        return new TcpTransport(DeviceUri.parse(printer.uri()));
    }

    /** The virtual printer started for {@code name}, if any (the demo hands it to the virtual camera). */
    public VirtualPrinter printer(String name) {
        return printers.get(name);
    }

    private VirtualPrinter start(String name, DeviceUri uri) {
        PrinterProfile profile = uri.param("profile").map(PrinterProfiles::load).orElse(defaultProfile);
        double speed = uri.param("speed").map(Double::parseDouble).orElse(0.0);
        StringJoiner faults = new StringJoiner(",");
        uri.query().forEach((k, v) -> {
            if (!k.equals("profile") && !k.equals("speed")) {
                faults.add(k + "=" + v);
            }
        });
        VirtualPrinter printer = new VirtualPrinter(new VirtualPrinter.Settings(name, 0, profile, speed,
                FaultPlan.parse(faults.toString()), renderers.create(profile), null));
        printer.start();
        return printer;
    }

    @Override
    public void close() {
        printers.values().forEach(VirtualPrinter::close);
        printers.clear();
    }
}
