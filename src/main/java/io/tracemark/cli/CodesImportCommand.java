package io.tracemark.cli;

import io.tracemark.codes.CodeSchemes;
import io.tracemark.codes.OpaqueScheme;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.ImportOutcome;
import io.tracemark.ledger.SchemeValidator;
import io.tracemark.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * {@code codes import FILE --scheme S [--data DIR] [--json]}: imports a code package into the
 * ledger, all-or-nothing. A package imported before (same SHA-256) is reported and left alone
 * (exit 0); any bad line refuses the whole file (exit 2, every bad line listed).
 */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        description = {"Import a code package: a text file (one code a line), a CSV file with a 'code' column,"
                + " or a zip holding one such file; UTF-8 with or without BOM, CRLF or LF.",
            "Every line is validated under --scheme first; on any bad line, a duplicate in the file or a code"
                + " already in the ledger, nothing is imported and every bad line is listed.",
            "Re-importing the same package is reported as already imported and changes nothing (exit 0)."})
public final class CodesImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the code package (.txt, .csv or .zip)")
    Path file;

    @Option(names = "--scheme", required = true, paramLabel = "S",
            description = "scheme every code must satisfy: gtin, sscc, gln, gs1, digital-link, uscc, ccc, ecode,"
                    + " or an --opaque name")
    String scheme;

    @Option(names = "--opaque", paramLabel = "NAME=REGEX",
            description = "define a platform-issued opaque scheme (数字身份码, 质溯码) by a regular expression")
    Map<String, String> opaque = Map.of();

    @Option(names = "--product", paramLabel = "P",
            description = "the product the codes were activated for: only its jobs get them (default: any product)")
    String product;

    @Mixin
    ImportOptions options;

    @Override
    public Integer call() {
        ImportOptions.requireFile(file, "code package");
        CodeSchemes schemes = CodeSchemes.withOpaque(opaque.entrySet().stream()
                .map(e -> OpaqueScheme.of(e.getKey(), e.getValue())).toList());
        var validator = SchemeValidator.of(schemes.byName(scheme));
        String who = options.who();
        ImportOutcome outcome;
        try (Database db = DataDirectory.open(options.data)) {
            outcome = new CodeLedger(db).importFile(file, scheme, product, validator, who);
        }
        print(spec.commandLine().getOut(), outcome);
        return 0;
    }

    private void print(PrintWriter out, ImportOutcome outcome) {
        Map<String, Object> doc = new LinkedHashMap<>();
        String text;
        if (outcome instanceof ImportOutcome.Imported i) {
            doc.put("status", "imported");
            doc.put("file", file.toString());
            doc.put("scheme", i.scheme());
            doc.put("product", product);
            doc.put("packageId", i.packageId());
            doc.put("codes", i.count());
            doc.put("sha256", i.sha256());
            doc.put("seconds", i.took().toMillis() / 1000.0);
            text = "imported " + i.count() + " codes of scheme " + i.scheme() + " from " + file + " as package "
                    + i.packageId() + " in " + i.took().toMillis() / 1000.0 + " s";
        } else {
            ImportOutcome.AlreadyImported a = (ImportOutcome.AlreadyImported) outcome;
            doc.put("status", "already-imported");
            doc.put("file", file.toString());
            doc.put("packageId", a.packageId());
            doc.put("importedAs", a.source());
            doc.put("codes", a.count());
            doc.put("sha256", a.sha256());
            doc.put("importedAt", a.importedAt().toString());
            text = "already imported: " + file + " is package " + a.packageId() + " (" + a.source() + ", "
                    + a.count() + " codes, imported " + a.importedAt() + "); nothing changed";
        }
        if (options.json) {
            JsonOutput.print(out, doc);
        } else {
            out.println(text);
            out.flush();
        }
    }
}
