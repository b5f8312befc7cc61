package io.tracemark.site;

import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.reference.ReferencePlatform;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Site configurations for tests: a fresh database on the test cluster, a platform, stations line-1 … line-n. */
public final class TestSites {

    private TestSites() {
    }

    /** The token of test station {@code line-<n>}. */
    public static String token(int n) {
        return "line-" + n + "-token-for-tests";
    }

    public static SiteConfig config(SiteConfig.Database db, URI platform, int stations, long codesPerProduct) {
        List<SiteConfig.StationEntry> entries = new ArrayList<>();
        for (int i = 1; i <= stations; i++) {
            entries.add(new SiteConfig.StationEntry("line-" + i, "Line " + i, token(i)));
        }
        return new SiteConfig("site-test", new SiteConfig.Listen("127.0.0.1", 0), db,
                new SiteConfig.Platform(platform, io.tracemark.platform.reference.SampleData.STATION_TOKEN, 10, 3600),
                new SiteConfig.Pool(codesPerProduct, 100_000), entries, null, "site-admin-token-for-tests");
    }

    public static SiteConfig config(String dbPrefix, ReferencePlatform platform, int stations, long codesPerProduct) {
        return config(PostgresCluster.shared().newDatabase(dbPrefix), platform.baseUrl(), stations, codesPerProduct);
    }

    /** A contract client of station {@code line-<n>} talking to the site. */
    public static PlatformClient station(SiteServer site, int n) {
        return new HttpPlatformClient(site.url(), token(n), Duration.ofSeconds(30));
    }
}
