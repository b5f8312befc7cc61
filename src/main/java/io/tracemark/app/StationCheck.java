package io.tracemark.app;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.device.DeviceRegistry;
import io.tracemark.device.DeviceUri;
import io.tracemark.label.LabelTemplate;
import io.tracemark.label.TemplateLibrary;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.verify.RejectGates;
import io.tracemark.verify.ScannerProfiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run --config FILE --check}: checks a station configuration and everything it names (every
 * device URI, printer and scanner profile, and every template in its templates folder against every
 * printer) without opening a device or the database, and lists every problem with its key path, so an
 * integrator can check a {@code station.yaml} before a shift.
 *
 * @param problems  everything wrong, in file order; empty when the station can start
 * @param printers  printers configured
 * @param scanners  scanners configured
 * @param gates     reject gates configured
 * @param templates templates checked
 */
public record StationCheck(List<Problem> problems, int printers, int scanners, int gates, int templates) {

    public StationCheck {
        problems = List.copyOf(problems);
    }

    /** Whether nothing is wrong. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** Checks {@code file}; never throws for bad content (that is a problem in the result). */
    public static StationCheck of(Path file) {
        List<Problem> problems = new ArrayList<>();
        StationConfig config;
        try {
            config = new StationConfigReader().read(file);
        } catch (InvalidInputException e) {
            return new StationCheck(e.problems(), 0, 0, 0, 0);
        }
        DeviceRegistry registry = DeviceRegistry.withStandardTransports();
        Map<String, PrinterProfile> profiles = new LinkedHashMap<>();
        for (int i = 0; i < config.printers().size(); i++) {
            StationConfig.Device d = config.printers().get(i);
            String key = "printers[" + i + "]";
            transport(registry, d, key, problems);
            PrinterProfile profile = attempt(key + ".profile", problems, () -> PrinterProfiles.load(d.profile()));
            if (profile != null) {
                profiles.put(d.name(), profile);
            }
        }
        for (int i = 0; i < config.scanners().size(); i++) {
            StationConfig.Device d = config.scanners().get(i);
            String key = "scanners[" + i + "]";
            if (d.uri() != null && StationDevices.decodesImages(d)) {
                continue; // a camera whose images the station decodes: no transport, no result-string profile
            }
            transport(registry, d, key, problems);
            attempt(key + ".profile", problems, () -> d.profile().endsWith(".yaml")
                    ? ScannerProfiles.load(Path.of(d.profile())) : ScannerProfiles.builtIn(d.profile()));
        }
        if (config.rejectGates().isEmpty()) {
            problems.add(new Problem("rejectGates", "a line needs a reject gate"));
        }
        for (int i = 0; i < config.rejectGates().size(); i++) {
            gate(registry, config.rejectGates().get(i), "rejectGates[" + i + "]", problems);
        }
        if (config.packing().present()) {
            packing(registry, config, problems);
        }
        if (config.components().present()) {
            StationConfig.Device d = config.components().reader();
            transport(registry, d, "components.reader", problems);
            attempt("components.reader.profile", problems, () -> d.profile().endsWith(".yaml")
                    ? ScannerProfiles.load(Path.of(d.profile())) : ScannerProfiles.builtIn(d.profile()));
        }
        int templates = templates(config, profiles, problems);
        return new StationCheck(problems, config.printers().size(), config.scanners().size(),
                config.rejectGates().size(), templates);
    }

    /** One line per problem, or a one-line summary when there is none. */
    public String report(Path file) {
        if (ok()) {
            return file + ": OK (" + printers + " printer(s), " + scanners + " scanner(s), " + gates
                    + " reject gate(s), " + templates + " template(s) checked; no device opened)";
        }
        StringBuilder out = new StringBuilder(file + ": " + problems.size() + " problem(s)\n");
        problems.forEach(p -> out.append("  ").append(p.where()).append(": ").append(p.message()).append('\n'));
        return out.toString().stripTrailing();
    }

    private static void transport(DeviceRegistry registry, StationConfig.Device d, String key, List<Problem> problems) {
        DeviceUri uri = attempt(key + ".uri", problems, () -> DeviceUri.parse(d.uri().toString()));
        if (uri != null && !registry.schemes().contains(uri.scheme())) {
            problems.add(new Problem(key + ".uri", "no transport for '" + uri.scheme() + "'; known: "
                    + String.join(", ", registry.schemes())));
        }
    }

    /** The packing station's readers and label printer, and its label template for that printer. */
    private static void packing(DeviceRegistry registry, StationConfig config, List<Problem> problems) {
        StationConfig.Packing p = config.packing();
        for (var entry : Map.of("packing.caseReader", p.caseReader(), "packing.labelReader", p.labelReader()).entrySet()) {
            StationConfig.Device d = entry.getValue();
            transport(registry, d, entry.getKey(), problems);
            attempt(entry.getKey() + ".profile", problems, () -> d.profile().endsWith(".yaml")
                    ? ScannerProfiles.load(Path.of(d.profile())) : ScannerProfiles.builtIn(d.profile()));
        }
        transport(registry, p.labelPrinter(), "packing.labelPrinter", problems);
        PrinterProfile profile = attempt("packing.labelPrinter.profile", problems,
                () -> PrinterProfiles.load(p.labelPrinter().profile()));
        if (profile != null) {
            attempt("packing.template", problems, () -> new TemplateLibrary(config.templatesDir()).load(p.template())
                    .writer(LabelTargets.of(profile)));
        }
    }

    private static void gate(DeviceRegistry registry, StationConfig.Device d, String key, List<Problem> problems) {
        String uri = d.uri().toString();
        if (RejectGates.isModbus(uri)) {
            RejectGates.check(uri).forEach(p -> problems.add(prefixed(key + ".uri", p)));
            return;
        }
        transport(registry, d, key, problems);
        DeviceUri parsed = attempt(key + ".uri", problems, () -> DeviceUri.parse(uri));
        if (parsed != null) {
            for (String param : List.of("cmd", "confirm")) {
                parsed.param(param).ifPresent(v -> attempt(key + ".uri", problems,
                        () -> StationDevices.percentDecoded(d, param, v)));
            }
            attempt(key + ".uri", problems, () -> parsed.intParam("timeoutMs", 1000));
        }
    }

    private static int templates(StationConfig config, Map<String, PrinterProfile> profiles, List<Problem> problems) {
        TemplateLibrary library = new TemplateLibrary(config.templatesDir());
        List<String> names = attempt("station.templates", problems, library::names);
        if (names == null) {
            return 0;
        }
        for (String name : names) {
            LabelTemplate template = attempt("templates." + name, problems, () -> library.load(name));
            if (template == null) {
                continue;
            }
            profiles.forEach((printer, profile) -> attempt("templates." + name + " for " + printer, problems,
                    () -> template.writer(LabelTargets.of(profile))));
        }
        return names.size();
    }

    /** Runs {@code check}; its bad-input exceptions become problems under {@code key}. */
    private static <T> T attempt(String key, List<Problem> problems, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.add(prefixed(key, p)));
        } catch (IllegalArgumentException | io.tracemark.core.TracemarkException e) {
            problems.add(new Problem(key, e.getMessage()));
        }
        return null;
    }

    private static Problem prefixed(String key, Problem p) {
        boolean same = p.where().isEmpty() || key.endsWith("." + p.where()) || key.equals(p.where());
        return new Problem(same ? key : key + "." + p.where(), p.message());
    }
}
