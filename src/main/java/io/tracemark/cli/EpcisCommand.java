package io.tracemark.cli;

import io.tracemark.ledger.JobRecords;
import io.tracemark.records.epcis.EpcisDocument;
import io.tracemark.records.epcis.EpcisEvent;
import io.tracemark.records.epcis.EpcisExport;
import io.tracemark.records.archive.Archives;
import io.tracemark.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code epcis --job ID | --from T --to T --out FILE.jsonld [--zone Z] --data DIR [--json]}: GS1 EPCIS 2.0 export. */
@Command(name = "epcis",
        mixinStandardHelpOptions = true,
        description = {"Export the ledger as a GS1 EPCIS 2.0 JSON-LD document: ObjectEvent ADD/commissioning/active for"
                + " verified units (lot and expiry as ILMD), DELETE/decommissioning for rejected, voided and returned codes;"
                + " each eventID is the CBV 2.0 event hash ID, so exporting again writes the same file.",
            "Aggregation and shipping events are not exported yet (they come with the pack package).",
            "Exit status: 0 written, 2 bad input."})
public final class EpcisCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--job", paramLabel = "ID", description = "the events of this job")
    String job;

    @Option(names = "--from", paramLabel = "T", converter = TimeOption.class, description = "events at or after T (with --to)")
    Instant from;

    @Option(names = "--to", paramLabel = "T", converter = TimeOption.class, description = "events before T (with --from)")
    Instant to;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the JSON-LD file to write")
    Path out;

    @Option(names = "--zone", paramLabel = "ZONE", description = "time zone of the station for eventTimeZoneOffset"
            + " (default: this machine's, ${DEFAULT-VALUE})", defaultValue = "${sys:user.timezone:-UTC}")
    String zone;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory holding station.db (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--json", description = "print one JSON document: the file and the event counts")
    boolean json;

    @Override
    public Integer call() {
        if ((job == null) == (from == null || to == null) || (job != null && (from != null || to != null))) {
            throw new ParameterException(spec.commandLine(), "epcis: give either --job ID or both --from T and --to T");
        }
        if (from != null && !from.isBefore(to)) {
            throw new ParameterException(spec.commandLine(), "epcis: --from " + from + " is not before --to " + to);
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone);
        } catch (DateTimeException e) {
            throw new ParameterException(spec.commandLine(), "epcis: unknown time zone '" + zone + "'");
        }
        List<EpcisEvent> events;
        try (Database db = DataDirectory.openExisting(data);
             Database archive = job == null ? null : Archives.open(db, job).orElse(null)) {
            // an archived job's rows (units, and the cases, pallets and shipments they name) are read from its archive file
            Database source = archive != null ? archive : db;
            EpcisExport export = new EpcisExport(new JobRecords(source), zoneId,
                    new io.tracemark.records.epcis.StationPackingEvents(new io.tracemark.pack.PackingHistory(source), zoneId));
            events = job != null ? export.job(job) : export.between(from, to);
        }
        EpcisDocument.write(events, from != null ? from : Instant.EPOCH, out);
        Map<String, Long> counts = new LinkedHashMap<>();
        events.forEach(e -> counts.merge(e.action() + "/" + e.bizStep(), 1L, Long::sum));
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("out", out.toString());
            doc.put("events", events.size());
            doc.put("byActionAndStep", counts);
            JsonOutput.print(w, doc);
        } else {
            w.println(events.size() + " EPCIS events written to " + out + " " + counts);
            w.flush();
        }
        return 0;
    }
}
