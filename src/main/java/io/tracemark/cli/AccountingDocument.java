package io.tracemark.cli;

import io.tracemark.app.DemoRun;
import io.tracemark.ledger.GateCount;
import io.tracemark.ledger.Reconciliation;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The document {@code demo --exit-when-done} and {@code run --exit-when-done} print at the end of a
 * job: its accounting (DESIGN.md section 4), whether it was resumed, every stop, the PLC reject counts
 * when a gate's PLC counts rejects, and the platform's side when there is one. Exit status 0 when the
 * job balances without duplicates and every PLC counted the station's fires, 1 otherwise.
 */
final class AccountingDocument {

    private AccountingDocument() {
    }

    /** The document of an outcome; {@code platform} is added when not null. */
    static Map<String, Object> of(DemoRun.Outcome outcome, Map<String, Object> platform) {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (outcome.books().isEmpty()) {
            doc.put("job", null);
            doc.put("refused", outcome.refused().orElse("no job ran"));
            doc.put("stops", outcome.stops());
            return doc;
        }
        Reconciliation r = outcome.books().get();
        doc.put("job", r.job());
        doc.put("traceLevel", r.traceLevel());
        doc.put("allocated", r.allocated());
        doc.put("sent", r.sent());
        doc.put("verified", r.verified());
        doc.put("rejected", r.rejected());
        doc.put("voided", r.voided());
        doc.put("inFlight", r.inFlight());
        doc.put("released", r.released());
        doc.put("duplicates", r.duplicates());
        doc.put("unitsPerSecond", r.unitsPerSecond());
        doc.put("balanced", r.balanced());
        doc.put("resumed", outcome.resumed());
        doc.put("stops", outcome.stops());
        if (!outcome.gates().isEmpty()) {
            doc.put("gates", gates(outcome.gates()));
        }
        if (platform != null) {
            doc.put("platform", platform);
        }
        return doc;
    }

    /** The exit status of an outcome: 1 also when a PLC's reject counter disagrees with the station. */
    static int exitStatus(DemoRun.Outcome outcome) {
        return outcome.books().map(r -> r.balanced() && r.duplicates() == 0 && outcome.gatesMatch() ? 0 : 1).orElse(1);
    }

    /**
     * The PLC side of a job's rejects, one entry per gate whose PLC counts them: the station's fires, the
     * PLC counter's increase (null when not read), whether they match, and the sentence that says so.
     */
    static List<Map<String, Object>> gates(List<GateCount> counts) {
        return counts.stream().map(GateCount::fields).toList();
    }

    /** Prints a document as JSON or as {@code key: value} lines. */
    static void print(PrintWriter out, Map<String, Object> doc, boolean json) {
        if (json) {
            JsonOutput.print(out, doc);
        } else {
            doc.forEach((k, v) -> out.println(k + ": " + v));
            out.flush();
        }
    }
}
