package io.tracemark.cli;

import io.tracemark.app.SiteConfigReader;
import io.tracemark.site.SiteConfig;
import io.tracemark.site.SiteServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code site --config site.yaml}: the site server on PostgreSQL until stopped (Ctrl-C, SIGTERM).
 */
@Command(name = "site", mixinStandardHelpOptions = true,
        description = {"Run the site server: the platform contract served to the factory's stations, codes shared out"
                + " from a pool in PostgreSQL, events forwarded to the platform exactly once (site.yaml is an example).",
            "Several site processes may serve one database."})
public final class SiteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "site.yaml", description = "the site's configuration")
    Path config;

    @Option(names = "--port", paramLabel = "P", description = "TCP port instead of listen.port (0 picks a free one)")
    Integer port;

    @Option(names = "--json", description = "print one JSON document with the site's URL once listening")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        SiteConfig read = new SiteConfigReader().read(config);
        if (port != null) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("site: --port " + port + " is not 0..65535");
            }
            read = new SiteConfig(read.siteId(), new SiteConfig.Listen(read.listen().host(), port), read.database(),
                    read.platform(), read.pool(), read.stations(), read.mqtt(), read.adminToken());
        }
        ShutdownSignal stop = new ShutdownSignal("site");
        SiteServer site = SiteServer.start(read);
        try {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("site", read.siteId());
            doc.put("url", site.url().toString());
            doc.put("api", site.url() + "/api/platform/v1");
            doc.put("page", site.url() + "/");
            doc.put("database", read.database().url());
            if (json) {
                JsonOutput.print(spec.commandLine().getOut(), doc);
            } else {
                spec.commandLine().getErr().println("site " + read.siteId() + " on " + site.url() + " (stations use it as"
                        + " platform.url; page " + site.url() + "/); Ctrl-C stops it");
            }
            stop.await();
        } finally {
            site.close();
            stop.closed();
        }
        return 0;
    }
}
