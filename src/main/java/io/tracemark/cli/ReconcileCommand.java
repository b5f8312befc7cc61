package io.tracemark.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.GateCount;
import io.tracemark.ledger.GateCounts;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.records.archive.Archives;
import io.tracemark.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reconcile [--job ID] [--data DIR] [--json]}: the accounting of a job, or of every job,
 * checking {@code allocated = verified + rejected + voided + inFlight + released} with no
 * duplicates. Exit status 1 when a job does not balance.
 */
@Command(name = "reconcile",
        mixinStandardHelpOptions = true,
        description = {"Account for every code of a job (or of every job, archived jobs read from their archive files):"
                + " allocated = verified + rejected + voided + in flight + released, and no code verified twice.",
            "For 一品一码/一批一码 jobs (one code on many units) 'allocated' is the planned unit count,"
                + " max(quantity, units sent).",
            "Where a reject gate's PLC counts rejects (modbus-tcp gate with counter=holding:N), the PLC counter's"
                + " increase over the job is compared with the station's own gate fires.",
            "Exit status: 0 every job balances, 1 some job does not (or a PLC counted other than the station"
                + " fired), 2 bad usage."})
public final class ReconcileCommand implements Callable<Integer> {

    static final int UNBALANCED = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--job", paramLabel = "ID", description = "the job; without it, every job (JSON: an array)")
    String job;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory holding station.db (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--json", description = "print one JSON document: the job's accounting, or an array of them")
    boolean json;

    @Override
    public Integer call() {
        List<Reconciliation> results;
        Map<String, List<GateCount>> gates = new LinkedHashMap<>();
        try (Database db = DataDirectory.openExisting(data)) {
            CodeLedger ledger = new CodeLedger(db);
            Map<String, Path> archived = Archives.archivedJobs(db);
            List<String> jobs = job != null ? List.of(job) : ledger.jobs().stream().map(j -> j.id()).toList();
            results = new java.util.ArrayList<>();
            for (String id : jobs) {
                if (archived.containsKey(id)) {
                    try (Database archive = Archives.open(db, id).orElseThrow()) {
                        reconcileIn(archive, id, results, gates);
                    }
                } else {
                    reconcileIn(db, id, results, gates);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> docs = results.stream().map(r -> document(r, gates.get(r.job()))).toList();
            JsonOutput.print(out, job != null ? docs.get(0) : docs);
        } else {
            if (results.isEmpty()) {
                out.println("no jobs in " + data);
            }
            results.forEach(r -> {
                out.println(text(r));
                gates.get(r.job()).forEach(g -> out.println("  " + g.describe()));
            });
            out.flush();
        }
        // a job still on the line has counts "so far": only an ended job's PLC count can disagree
        boolean gatesMatch = gates.values().stream().flatMap(List::stream).allMatch(g -> !g.ended() || g.matches());
        return results.stream().allMatch(Reconciliation::balanced) && gatesMatch ? 0 : UNBALANCED;
    }

    /** The accounting of {@code id} as {@code db} (the live database or the job's archive) holds it. */
    private static void reconcileIn(Database db, String id, List<Reconciliation> results, Map<String, List<GateCount>> gates) {
        CodeLedger ledger = new CodeLedger(db);
        Reconciliation r = ledger.reconcile(id);
        results.add(r);
        gates.put(id, new GateCounts(db, ledger.audit(), Clock.systemUTC()).of(id));
    }

    /** The reconciliation's fields, with the PLC reject counts under {@code gates} when there are any. */
    private static Map<String, Object> document(Reconciliation r, List<GateCount> gates) {
        Map<String, Object> doc = JsonOutput.mapper().convertValue(r, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        if (!gates.isEmpty()) {
            doc.put("gates", AccountingDocument.gates(gates));
        }
        return doc;
    }

    static String text(Reconciliation r) {
        return String.format("job %s (%s, %s): allocated %d = verified %d + rejected %d + voided %d + in flight %d"
                        + " + released %d; sent %d; duplicates %d; %.1f units/s; %s",
                r.job(), r.traceLevel(), r.state(), r.allocated(), r.verified(), r.rejected(), r.voided(),
                r.inFlight(), r.released(), r.sent(), r.duplicates(), r.unitsPerSecond(),
                r.balanced() ? "balanced" : "NOT BALANCED");
    }
}
