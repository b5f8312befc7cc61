package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.ledger.CodeLedger;
import io.tracemark.master.MasterDataStore;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/** A station data directory seeded as the demo seeds it: master data and codes pulled from the reference platform. */
final class PlatformCodes {

    private PlatformCodes() {
    }

    /** Pulls at least {@code codes} codes of the sample product into {@code dataDir}; then the link is closed. */
    static void seed(Path dataDir, int codes) {
        try (Database db = Database.open(dataDir); GroupCommit writes = new GroupCommit(db)) {
            CodeLedger ledger = new CodeLedger(db, writes, Clock.systemUTC());
            try (DemoPlatform platform = DemoPlatform.start(dataDir, 11);
                 PlatformLink link = PlatformLink.start(platform.platform().client(), db, ledger,
                         new MasterDataStore(db, ledger.audit()), ReferencePlatform.stationSchemes(), "test-line",
                         new PlatformLink.Settings(Map.of(SampleStation.PRODUCT, (long) codes), 0, 1, 0.25,
                                 Duration.ofHours(1), Duration.ofHours(1), ZoneId.systemDefault()))) {
                assertTrue(link.puller().available(SampleStation.PRODUCT) >= codes, "codes pulled");
            }
        }
    }
}
