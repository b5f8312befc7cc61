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
 * has a valid reading (warnings allowed), 1 otherwise, 2 on bad usage.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Identify the scheme of each code and validate it: GTIN, SSCC, GLN, GS1 element string,"
                + " GS1 Digital Link, USCC, CCC certificate number, Ecode.",
            "A code that fits several schemes (18 digits: SSCC or USCC) is reported under each, unless --scheme"
                + " names one. A GS1 raw element string may write the GS separator as <GS>.",
            "Exit status: 0 all valid (warnings allowed), 1 some invalid, 2 bad usage."})
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

    @Option(names = "--json", description = "print one JSON document: an array with the verdicts of each code")
    boolean json;

    /** One input and what every fitting scheme says about it. */
    record CodeReport(String code, boolean valid, List<Verdict> verdicts) {
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
            reports.add(new CodeReport(code, verdicts.stream().anyMatch(Verdict::valid), verdicts));
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
