package io.tracemark.app;

import io.tracemark.codes.CodeSchemes;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.device.DeviceRegistry;
import io.tracemark.master.MasterDataStore;
import io.tracemark.pack.ComponentLinks;
import io.tracemark.pack.ComponentScan;
import io.tracemark.store.Database;
import io.tracemark.store.Transactions;
import io.tracemark.verify.Content;
import io.tracemark.verify.ReadResult;
import io.tracemark.verify.ResultStringScanner;
import io.tracemark.verify.Scanner;
import io.tracemark.verify.ScannerProfile;
import io.tracemark.verify.ScannerProfiles;
import io.tracemark.web.DeviceInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 组合多码 component scan station of {@code station.yaml} ({@code components:}): a reader (result strings
 * over TCP or serial, as a fixed reader or a hand scanner in serial mode sends them) whose reads go to
 * {@link ComponentScan} by their canonical code (GS1 data bracketed): a product unit's code, then its
 * components' codes. The panel's hand-scanner screen works on the same {@link ComponentLinks}.
 */
public final class ComponentScanStation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentScanStation.class);
    static final String ACTOR = "component-station";

    private final ComponentLinks links;
    private final ComponentScan scan;
    private final Scanner reader;
    private final DeviceInfo info;

    private ComponentScanStation(ComponentLinks links, Scanner reader, DeviceInfo info) {
        this.links = links;
        this.scan = new ComponentScan(links, ACTOR);
        this.reader = reader;
        this.info = info;
    }

    /** Builds the station (nothing opened yet). */
    static ComponentScanStation build(StationConfig config, Database db, Transactions writes, MasterDataStore master,
                                      CodeSchemes schemes) {
        StationConfig.Device d = config.components().reader();
        if ("sim".equals(d.uri().getScheme())) {
            throw new InvalidInputException("device " + d.name(), List.of(new Problem("components.reader.uri",
                    "'" + d.uri() + "' names a simulated device; the virtual line has no component scan station: "
                            + "give the reader's tcp:// or serial:// address")));
        }
        ScannerProfile profile = d.profile().endsWith(".yaml") ? ScannerProfiles.load(Path.of(d.profile()))
                : ScannerProfiles.builtIn(d.profile());
        Scanner reader = new ResultStringScanner(profile, DeviceRegistry.withStandardTransports().create(d.uri().toString()),
                Clock.systemUTC());
        ComponentLinks links = new ComponentLinks(db, writes, Clock.systemUTC(), master, schemes);
        return new ComponentScanStation(links, reader, new DeviceInfo(d.name(), "componentReader", d.uri().toString()));
    }

    /** Connects the reader; codes read from now on are linked. */
    void start() {
        reader.setListener(this::read);
        reader.start();
        LOG.info("component scan station: reader {}", reader.name());
    }

    private void read(ReadResult read) {
        if (read instanceof ReadResult.Read r) {
            scan.read(Content.canonical(r.data(), r.symbologyId()));
        }
    }

    /** The component links in this station's database (the panel's hand-scanner screen uses them too). */
    public ComponentLinks links() {
        return links;
    }

    /** What the reader's station did so far. */
    public ComponentScan scan() {
        return scan;
    }

    DeviceInfo device() {
        return info;
    }

    @Override
    public void close() {
        reader.stop();
    }
}
