package io.tracemark.cli;

import io.tracemark.codes.CodeScheme;
import io.tracemark.codes.CodeSchemes;
import io.tracemark.codes.OpaqueScheme;
import io.tracemark.codes.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code codes validate CODE… [--scheme S] [--json]}: detects each code's scheme (or uses the one
 * named) and prints every verdict with its reason and parsed parts. Exit status 0 when every code
 * is valid under the scheme named or, without {@code --scheme}, under at least one reading
 * (warnings allowed; a USCC that only a person could confirm is not valid); 1 otherwise; 2 on bad usage.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Identify the scheme of each code and validate it: GTIN, SSCC, GLN, GS1 element string,"
                + " GS1 Digital Link, USCC, CCC certificate number, Ecode.",
            "A code that fits several schemes (18 digits: SSCC or USCC) is reported under each, unless --scheme"
                + " names one. A GS1 raw element string may write the GS separator as <GS>.",
            "A USCC whose check character fails is invalid; the reason notes that early codes were sometimes issued"
                + " like that and a person may confirm it with the registration authority.",
            "Exit status: 0 every code valid under --scheme or, without it, under at least one reading"
                + " (warnings allowed), 1 some invalid, 2 bad usage."})
public final class CodesValidateCommand implements Callable<Integer> {

    static final int SOME_INVALID = 1;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CODE", description = "the codes to validate")
    List<String> codes;

    @Option(names = "--scheme", paramLabel = "S",
            description = "validate under this scheme only: gtin, sscc, gln, gs1, digital-link, uscc, ccc, ecode,"
                    + " or an --opaque name")
    String scheme;

    @Option(names = "--opaque", paramLabel = "NAME=REGEX",
            description = "add a platform-issued opaque scheme (数字身份码, 质溯码) matched by a regular expression")
    Map<String, String> opaque = Map.of();

    @Option(names = "--json", description = "print one JSON document: an array with, per code, valid, reason,"
            + " warnings and the verdict of each reading")
    boolean json;

    /**
     * One input and what every fitting scheme says about it.
     *
     * @param valid    whether one reading is valid
     * @param reason   {@code valid as S}, or every reading's reason
     * @param warnings the warnings of the valid readings
     */
    record CodeReport(String code, boolean valid, String reason, List<String> warnings, List<Verdict> verdicts) {

        static CodeReport of(String code, List<Verdict> verdicts) {
            List<Verdict> valid = verdicts.stream().filter(Verdict::valid).toList();
            String reason = valid.isEmpty()
                    ? String.join("; ", verdicts.stream().map(v -> v.scheme() + ": " + v.reason()).toList())
                    : "valid as " + String.join(", ", valid.stream().map(Verdict::scheme).toList());
            return new CodeReport(code, !valid.isEmpty(), reason,
                    valid.stream().flatMap(v -> v.warnings().stream()).toList(), verdicts);
        }
    }

    @Override
    public Integer call() {
        CodeSchemes schemes = CodeSchemes.withOpaque(opaque.entrySet().stream()
                .map(e -> OpaqueScheme.of(e.getKey(), e.getValue())).toList());
        CodeScheme only = scheme == null ? null : schemes.byName(scheme);
        List<CodeReport> reports = new ArrayList<>();
        for (String code : codes) {
            String data = code.replace("<GS>", "\u001D");
            List<Verdict> verdicts = only == null ? schemes.detect(data) : List.of(only.validate(data));
            reports.add(CodeReport.of(code, verdicts));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, reports);
        } else {
            reports.forEach(r -> printText(out, r));
            out.flush();
        }
        return reports.stream().allMatch(CodeReport::valid) ? 0 : SOME_INVALID;
    }

    private static void printText(PrintWriter out, CodeReport report) {
        out.println(report.code() + "  " + (report.valid() ? "valid" : "INVALID"));
        for (Verdict v : report.verdicts()) {
            out.println("  " + v.scheme() + ": " + v.reason());
            v.warnings().forEach(w -> out.println("    warning: " + w));
            v.parts().forEach((k, val) -> out.println("    " + k + " = " + val.replace("\u001D", "<GS>")));
        }
    }
}
