package io.tracemark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Enforces the package DAG of DESIGN.md section 3 on the main sources. */
class PackageDagTest {

    private static final Set<String> ALL = Set.of("core", "codes", "store", "ledger", "master", "label", "device",
            "printer", "verify", "sim", "line", "platform", "pack", "records", "site", "web", "app", "cli");

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("core", Set.of()),
            Map.entry("codes", Set.of("core")),
            Map.entry("store", Set.of("core")),
            Map.entry("ledger", Set.of("core", "codes", "store")),
            Map.entry("master", Set.of("core", "codes", "store")),
            Map.entry("label", Set.of("core", "codes")),
            Map.entry("device", Set.of("core")),
            Map.entry("printer", Set.of("core", "device")),
            Map.entry("verify", Set.of("core", "codes", "device")),
            Map.entry("sim", Set.of("core", "device", "label", "printer", "verify")),
            Map.entry("line", Set.of("core", "codes", "ledger", "master", "label", "printer", "verify", "store")),
            Map.entry("platform", Set.of("core", "codes", "ledger", "store")),
            Map.entry("pack", Set.of("core", "codes", "ledger", "master", "store")),
            Map.entry("records", Set.of("core", "codes", "ledger", "pack", "store")),
            Map.entry("site", Set.of("core", "codes", "platform", "pack", "records")),
            Map.entry("web", Set.of("core", "ledger", "master", "line", "pack", "records", "store")),
            Map.entry("app", ALL),
            Map.entry("cli", ALL));

    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.tracemark\\.([a-z]+)\\b");
    private static final Path MAIN = Path.of("src/main/java/io/tracemark");

    @Test
    void everyPackageImportsOnlyWhatTheDesignAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(file -> check(file, violations));
        }
        assertEquals(List.of(), violations, "imports that break the package DAG of DESIGN.md");
    }

    @Test
    void theCheckCatchesAForbiddenReference() {
        List<String> violations = new ArrayList<>();
        checkSource("codes", "x.java", "import io.tracemark.store.Database;\nimport io.tracemark.core.Problem;", violations);
        assertEquals(1, violations.size());
        assertTrue(violations.get(0).contains("codes -> store"));
    }

    @Test
    void everyTopLevelPackageIsKnown() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            dirs.filter(Files::isDirectory).forEach(dir ->
                    assertTrue(ALL.contains(dir.getFileName().toString()), "package not in DESIGN.md: " + dir));
        }
    }

    private static void check(Path file, List<String> violations) {
        String pkg = MAIN.relativize(file).getName(0).toString();
        try {
            checkSource(pkg, file.toString(), Files.readString(file), violations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkSource(String pkg, String name, String source, List<String> violations) {
        Set<String> allowed = ALLOWED.getOrDefault(pkg, Set.of());
        Matcher m = REFERENCE.matcher(source);
        while (m.find()) {
            String target = m.group(1);
            if (!target.equals(pkg) && ALL.contains(target) && !allowed.contains(target)) {
                violations.add(name + ": " + pkg + " -> " + target);
            }
        }
    }
}
