package io.tracemark.site;

import io.tracemark.pack.SsccRange;
import java.net.URI;
import java.util.List;

/**
 * The site server's configuration ({@code site.yaml}), read once and frozen.
 *
 * @param siteId   the site's name (in ids it makes, logs and MQTT topics)
 * @param listen   where the site serves the platform contract to its stations and its page
 * @param database the PostgreSQL database shared by every site process of this factory
 * @param platform the real platform the site pulls codes from and forwards events to
 * @param pool     how many codes the site keeps ready per product
 * @param stations stations registered at start (more through the admin API)
 * @param mqtt     the plant's MQTT broker, or null for none
 * @param adminToken bearer token of the site's admin API (and its warehouse), or null to disable it
 * @param sscc     the site's SSCC range for its pallets (added to those it holds), or null
 */
public record SiteConfig(String siteId, Listen listen, Database database, Platform platform, Pool pool,
                         List<StationEntry> stations, Mqtt mqtt, String adminToken, SsccRange sscc) {

    public SiteConfig {
        stations = List.copyOf(stations);
    }

    /** A site without an SSCC range of its own (no pallets at the site). */
    public SiteConfig(String siteId, Listen listen, Database database, Platform platform, Pool pool,
                      List<StationEntry> stations, Mqtt mqtt, String adminToken) {
        this(siteId, listen, database, platform, pool, stations, mqtt, adminToken, null);
    }

    /** The same configuration with the SSCC range {@code range}. */
    public SiteConfig withSscc(SsccRange range) {
        return new SiteConfig(siteId, listen, database, platform, pool, stations, mqtt, adminToken, range);
    }

    /** Host and port of the site's HTTP server (port 0 picks a free port). */
    public record Listen(String host, int port) {
    }

    /** JDBC URL ({@code jdbc:postgresql://host:port/db}), credentials and pool size (HikariCP). */
    public record Database(String url, String user, String password, int poolSize) {
        @Override
        public String toString() {
            return "Database[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]"; // never the password
        }
    }

    /** The platform's root URL and the site's token there. */
    public record Platform(URI url, String token, int timeoutSeconds, int pullIntervalSeconds) {
        @Override
        public String toString() {
            return "Platform[url=" + url + ", timeoutSeconds=" + timeoutSeconds + ", pullIntervalSeconds="
                    + pullIntervalSeconds + "]";
        }
    }

    /**
     * @param codesPerProduct codes the site keeps in its pool per product (it asks the platform for
     *                        more when it holds fewer)
     * @param maxRequest      the most codes asked of the platform at once
     */
    public record Pool(long codesPerProduct, int maxRequest) {
    }

    /**
     * A station: its id, a name for people, the bearer token it sends as {@code platform.token}, and
     * optionally its touch panel (root URL and an API token with the operator role) from which the site
     * reads the line's state, counters and alarms.
     */
    public record StationEntry(String id, String name, String token, URI panelUrl, String panelToken) {

        public StationEntry(String id, String name, String token) {
            this(id, name, token, null, null);
        }

        @Override
        public String toString() {
            return "StationEntry[id=" + id + ", name=" + name + ", panelUrl=" + panelUrl + "]";
        }
    }

    /**
     * @param broker          e.g. {@code tcp://127.0.0.1:1883}
     * @param topicRoot       topics are {@code <topicRoot>/<station>/...}
     * @param intervalSeconds how often every line's tags are published
     */
    public record Mqtt(URI broker, String topicRoot, int intervalSeconds) {
    }
}
