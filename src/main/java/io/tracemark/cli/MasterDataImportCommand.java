package io.tracemark.cli;

import io.tracemark.master.MasterDataImport;
import io.tracemark.master.MasterDataStore;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code master-data import FILE [--data DIR] [--json]}: producers and products from a YAML or CSV
 * file, all or nothing, with the panel's checks; every problem is listed with its line and field.
 */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        description = {"Import producer and product master data from a YAML (.yaml, .yml) or CSV (.csv) file.",
            "YAML: lists 'producers' and 'products'; CSV: a header row, a 'record' column (producer or product)"
                + " and one column per field.",
            "Producer: id, name, uscc, address, contact, businessLicence (all mandatory, guideline 5.3.3.1).",
            "Product: id, producer, name, type, specification, mandatoryStandard, inspectionReport (mandatory),"
                + " licenceNumber, warranty, instructions, gtin.",
            "Any problem refuses the whole file (exit 2, every problem listed with its line and field);"
                + " each saved record is audited."})
public final class MasterDataImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the master-data file (.yaml, .yml or .csv)")
    Path file;

    @Mixin
    ImportOptions options;

    @Override
    public Integer call() {
        ImportOptions.requireFile(file, "master-data file");
        String who = options.who();
        MasterDataImport.Outcome outcome;
        try (Database db = DataDirectory.open(options.data)) {
            MasterDataStore store = new MasterDataStore(db, new AuditLog(db, Clock.systemUTC()));
            outcome = new MasterDataImport(store).importFile(file, who);
        }
        if (options.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", "imported");
            doc.put("file", file.toString());
            doc.put("producers", outcome.producerIds());
            doc.put("products", outcome.productIds());
            JsonOutput.print(spec.commandLine().getOut(), doc);
        } else {
            spec.commandLine().getOut().println("imported " + outcome.producers() + " producers and "
                    + outcome.products() + " products from " + file + " into " + options.data);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
