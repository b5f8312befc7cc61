package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.master.MasterDataStore;
import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.platform.wire.Product;
import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link pulls codes once as the station starts and next after one pull interval: a second pull a
 * moment later topped up the codes a job had just allocated and imported a second range (seen in
 * {@code PlatformLineTest.restartOnTheSameDataPullsAndReportsNothingTwice}).
 */
class PlatformLinkStartTest {

    @TempDir
    Path dir;

    @Test
    void aProductRegisteredOnThePlatformAfterTheStartReachesTheStationWithinAPullInterval() throws Exception {
        try (Database db = Database.open(dir.resolve("station")); GroupCommit writes = new GroupCommit(db);
             DemoPlatform platform = DemoPlatform.start(dir.resolve("platform"), 11)) {
            Semaphore producerLookups = new Semaphore(0);
            PlatformClient client = observed(platform.platform().client(), "producers", producerLookups);
            CodeLedger ledger = new CodeLedger(db, writes, Clock.systemUTC());
            MasterDataStore masterData = new MasterDataStore(db, ledger.audit());
            try (PlatformLink link = PlatformLink.start(client, db, ledger, masterData,
                    ReferencePlatform.stationSchemes(), "test-line", new PlatformLink.Settings(
                            Map.of(SampleStation.PRODUCT, 10L), 0, 1, 0.25, Duration.ofMillis(300), Duration.ofHours(1),
                            ZoneId.systemDefault()))) {
                assertTrue(masterData.product("P-NEW").isEmpty());
                Product helmet = client.products().stream().filter(p -> p.id().equals(SampleData.HELMET)).findFirst()
                        .orElseThrow();
                producerLookups.drainPermits();
                platform.platform().putProduct(new Product("P-NEW", helmet.producerId(), "电动自行车头盔（新款）",
                        helmet.type(), "TM-H3 L码", helmet.mandatoryStandard(), helmet.inspectionReport(),
                        helmet.licenceNumber(), helmet.warrantyPeriod(), helmet.instructions(), helmet.scheme(),
                        helmet.traceLevel(), null, helmet.publicFields(), helmet.components()));
                // only a master-data sync asks for the producers, before the products: the second lookup
                // from now on begins after a whole sync that began after the product was registered
                assertTrue(producerLookups.tryAcquire(2, 30, TimeUnit.SECONDS), "master data was not synced again");
                assertEquals("电动自行车头盔（新款）", masterData.product("P-NEW").orElseThrow().name(),
                        "synced again without a restart");
            }
        }
    }

    /** {@code client}, releasing {@code calls} each time {@code method} is called on it. */
    private static PlatformClient observed(PlatformClient client, String method, Semaphore calls) {
        return (PlatformClient) Proxy.newProxyInstance(PlatformClient.class.getClassLoader(),
                new Class<?>[] {PlatformClient.class}, (proxy, m, args) -> {
                    if (m.getName().equals(method)) {
                        calls.release();
                    }
                    try {
                        return m.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void theStartPullIsNotFollowedByAnotherBeforeTheInterval() throws Exception {
        try (Database db = Database.open(dir.resolve("station")); GroupCommit writes = new GroupCommit(db);
             DemoPlatform platform = DemoPlatform.start(dir.resolve("platform"), 11);
             ContractProxy proxy = new ContractProxy(OpenApiContract.platform(), platform.platform().baseUrl(),
                     HttpPlatformClient.API_PATH)) {
            PlatformClient client = new HttpPlatformClient(proxy.uri(), platform.platform().stationToken(),
                    Duration.ofSeconds(10));
            CodeLedger ledger = new CodeLedger(db, writes, Clock.systemUTC());
            try (PlatformLink link = PlatformLink.start(client, db, ledger, new MasterDataStore(db, ledger.audit()),
                    ReferencePlatform.stationSchemes(), "test-line", new PlatformLink.Settings(
                            Map.of(SampleStation.PRODUCT, 50L), 0, 1, 0.25, Duration.ofSeconds(30), Duration.ofHours(1),
                            ZoneId.systemDefault()))) {
                assertTrue(link.puller().available(SampleStation.PRODUCT) >= 50, "codes pulled at start");
                Thread.sleep(1_500); // the scheduled pull used to run at once, well within this
                assertEquals(1, proxy.exchanges().stream()
                        .filter(e -> e.method().equals("GET") && e.path().endsWith("/ranges")
                                && !e.query().containsKey("productId")).count(),
                        "one pull (its look for every activated range) at start, the next after the 30 s interval");
            }
        }
    }
}
