package io.tracemark.cli;

import io.tracemark.app.StationPanel;
import io.tracemark.pack.BuyerUnits;
import io.tracemark.pack.RecallNotice;
import io.tracemark.pack.RecallResult;
import io.tracemark.pack.RecallSelector;
import io.tracemark.pack.Recalls;
import io.tracemark.records.report.RecallCsv;
import io.tracemark.records.report.RecallDocument;
import io.tracemark.records.report.RecallPdf;
import io.tracemark.records.archive.Archives;
import io.tracemark.store.Database;
import io.tracemark.web.Role;
import io.tracemark.web.UserAccount;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recall --code C | --batch B | --product P --from D --to D [--json] [--csv FILE] [--pdf FILE]
 * [--notify --reason TEXT --by USER] --data DIR}: every unit a recall covers, with its case, pallet, shipment and
 * buyer (guideline 6.4).
 */
@Command(name = "recall",
        mixinStandardHelpOptions = true,
        description = {"Find every unit a recall covers, from a unit's code, a case's or pallet's SSCC (every unit"
                + " inside), a batch, or a product over production days: each unit's state, verdict, grade, time, job"
                + " and batch, its case and pallet, the shipment (order, sale time) and buyer; units per buyer; the"
                + " units still in the factory. As text, JSON, CSV (a header row, one row per unit) and/or PDF.",
            "With --notify the recall is recorded (audit log) and a RECALLED event per verified unit goes to the"
                + " platform through the outbox (sent by the running station); --by names a supervisor or admin.",
            "Exit status: 0 found (and recorded), 2 bad input (unknown code or batch, bad date, from after to, none"
                + " or several of --code/--batch/--product)."})
public final class RecallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--code", paramLabel = "C", description = "a unit's trace code, or a case's or pallet's SSCC")
    String code;

    @Option(names = "--batch", paramLabel = "B", description = "a batch (lot) number")
    String batch;

    @Option(names = "--product", paramLabel = "P", description = "a product id (with --from and --to)")
    String product;

    @Option(names = "--from", paramLabel = "D", description = "first production day, YYYY-MM-DD")
    String from;

    @Option(names = "--to", paramLabel = "D", description = "last production day, YYYY-MM-DD")
    String to;

    @Option(names = "--json", description = "print one JSON document: counts, buyers, cases, pallets and every unit")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "write every unit as CSV here")
    Path csv;

    @Option(names = "--pdf", paramLabel = "FILE", description = "write the recall list as PDF here")
    Path pdf;

    @Option(names = "--notify", description = "record the recall and send RECALLED events to the platform")
    boolean notify;

    @Option(names = "--reason", paramLabel = "TEXT", description = "with --notify: why (consumers are told)")
    String reason;

    @Option(names = "--by", paramLabel = "USER", description = "with --notify: the supervisor or admin recording it")
    String by;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory holding station.db (default: ${DEFAULT-VALUE})")
    Path data;

    @Override
    public Integer call() {
        RecallSelector selector = RecallSelector.of(code, batch, product, from, to);
        if (!notify && (reason != null || by != null)) {
            throw new ParameterException(spec.commandLine(), "recall: --reason and --by go with --notify");
        }
        RecallResult result;
        RecallNotice notice = null;
        try (Database db = DataDirectory.openExisting(data)) {
            Recalls recalls = new Recalls(db).withArchives(() -> Archives.openAll(db));
            if (notify) {
                requireSupervisor(db);
                notice = recalls.announce(selector, reason, by);
            }
            result = recalls.find(selector);
        }
        if (csv != null) {
            RecallCsv.write(result, csv);
        }
        if (pdf != null) {
            RecallPdf.write(result, Instant.now(), pdf);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>(RecallDocument.of(result, true, Integer.MAX_VALUE));
            doc.put("notice", notice);
            doc.put("csv", csv == null ? null : csv.toString());
            doc.put("pdf", pdf == null ? null : pdf.toString());
            JsonOutput.print(out, doc);
            return 0;
        }
        out.println("recall of " + selector.describe() + ": " + result.units().size() + " units, " + result.shipped()
                + " shipped, " + result.inFactory() + " in the factory; " + result.cases().size() + " cases, "
                + result.pallets().size() + " pallets, " + result.buyers().size() + " buyers");
        for (BuyerUnits b : result.buyers()) {
            out.println("  " + b.buyer().name() + ", " + b.buyer().address() + ", " + b.buyer().contact() + ": "
                    + b.units() + " units (orders " + String.join(", ", b.orders()) + ")");
        }
        if (notice != null) {
            out.println("recall " + notice.id() + " recorded by " + notice.by() + ": " + notice.events()
                    + " RECALLED events queued for the platform");
        }
        out.flush();
        return 0;
    }

    private void requireSupervisor(Database db) {
        if (by == null || by.isBlank()) {
            throw new ParameterException(spec.commandLine(), "recall: --notify needs --by USER (a supervisor or admin)");
        }
        UserAccount user = StationPanel.accounts(db).user(by).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "recall: no user " + by + " at this station"));
        if (!user.enabled() || user.role() == Role.OPERATOR) {
            throw new ParameterException(spec.commandLine(), "recall: " + by + " is " + (user.enabled()
                    ? "an operator" : "disabled") + "; a supervisor or admin records a recall");
        }
    }
}
