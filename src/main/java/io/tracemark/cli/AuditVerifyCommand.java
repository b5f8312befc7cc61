package io.tracemark.cli;

import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.wire.ChainAnchor;
import io.tracemark.records.audit.AuditVerdict;
import io.tracemark.records.audit.AuditVerification;
import io.tracemark.store.AuditAnchor;
import io.tracemark.store.Database;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code audit verify [--from T] [--json] --data DIR [--platform URL --token T [--station ID]]}: checks every
 * entry's keyed hash, every link, and the anchors (the station's own, and with {@code --platform} the
 * platform's copies), and names the first broken entry. Exit 0 intact, 1 broken, 2 bad usage.
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {"Check the audit trail: each entry's HMAC under the station's audit key, each link to the entry"
                + " before, no gap, and every anchor (the chain heads the station took, and with --platform the copies"
                + " the platform keeps): a tampered entry, a cut tail and a rebuilt chain are named by their first entry.",
            "The key is read from TRACEMARK_AUDIT_KEY, else from DIR.audit-key beside the data directory.",
            "Exit status: 0 intact, 1 broken, 2 bad usage."})
public final class AuditVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory holding station.db (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--from", paramLabel = "T", converter = TimeOption.class,
            description = "check only entries written at or after T (2026-12-01T08:00:00Z, or a day 2026-12-01 UTC)")
    Instant from;

    @Option(names = "--platform", paramLabel = "URL", description = "also compare with the anchors this platform keeps")
    URI platform;

    @Option(names = "--token", paramLabel = "TOKEN", description = "the station token for --platform")
    String token;

    @Option(names = "--station", paramLabel = "ID", description = "the station's id at the platform (station.name; \"\" for a station without one), with --platform")
    String station;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() {
        if (platform != null && (token == null || station == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--platform needs --token and --station (the station's id, station.name; \"\" for none)");
        }
        List<AuditAnchor> external = platform == null ? List.of() : platformAnchors();
        AuditVerdict verdict;
        try (Database db = DataDirectory.openExisting(data)) {
            verdict = new AuditVerification(db).verify(from, external);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, verdict);
        } else {
            out.println(AuditVerification.describe(verdict));
            out.flush();
        }
        return verdict.intact() ? 0 : 1;
    }

    private List<AuditAnchor> platformAnchors() {
        List<ChainAnchor> held = new HttpPlatformClient(platform, token, Duration.ofSeconds(30)).auditAnchors(station);
        return held.stream().map(a -> new AuditAnchor(a.entryId(), a.hash(), a.at(), a.keyId())).toList();
    }
}
