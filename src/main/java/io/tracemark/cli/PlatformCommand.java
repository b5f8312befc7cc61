package io.tracemark.cli;

import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.ReferencePlatformOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code platform --port P --data DIR}: runs the reference traceability platform until stopped
 * (Ctrl-C). For integration tests, demos and as the model for adapters to real platforms.
 */
@Command(name = "platform",
        mixinStandardHelpOptions = true,
        description = {"Run the reference traceability platform (contract: docs/platform-api.yaml, served at"
                + " /api/platform/v1/openapi.yaml) on 127.0.0.1 until stopped.",
            "For integration tests, demos and as the model for adapters to real platforms; not a production platform."})
public final class PlatformCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "P", description = "TCP port; 0 picks a free one and logs it")
    int port;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "data directory (platform.db); reused if it exists")
    Path data;

    @Option(names = "--seed", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "load the sample producer, products and station token (default: on; --no-seed turns it off)")
    boolean seed;

    @Option(names = "--manual-audit", description = "code requests wait for an admin to audit them")
    boolean manualAudit;

    @Option(names = "--admin-token", paramLabel = "T", defaultValue = "demo-admin-token",
            description = "bearer token of the admin endpoints (default: ${DEFAULT-VALUE})")
    String adminToken;

    @Option(names = "--json", description = "print one JSON document with the URL and tokens once listening")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("platform: --port " + port + " is not 0..65535");
        }
        ReferencePlatformOptions options = new ReferencePlatformOptions(seed, !manualAudit, adminToken, null, null);
        ReferencePlatform platform = ReferencePlatform.start(port, data, options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "platform-shutdown"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("url", platform.baseUrl().toString());
        doc.put("api", platform.baseUrl() + "/api/platform/v1");
        doc.put("stationToken", seed ? platform.stationToken() : null);
        doc.put("adminToken", adminToken);
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), doc);
        } else {
            spec.commandLine().getErr().println("reference platform on " + doc.get("url") + " (api " + doc.get("api")
                    + ", station token " + doc.get("stationToken") + "); Ctrl-C stops it");
        }
        stopped.await();
        return 0;
    }
}
