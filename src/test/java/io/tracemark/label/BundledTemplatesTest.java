package io.tracemark.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The canonical templates live in {@code templates/}; the jar bundles a copy under
 * {@code src/main/resources/templates/} so it works from any directory. The copy must not drift.
 */
class BundledTemplatesTest {

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void bundledCopyIsIdenticalToTemplatesDirectory() throws IOException {
        Path canonical = Path.of("templates");
        Path bundled = Path.of("src/main/resources/templates");
        assertEquals(files(canonical), files(bundled), "cp templates/* src/main/resources/templates/");
        for (String f : files(canonical)) {
            assertArrayEquals(Files.readAllBytes(canonical.resolve(f)), Files.readAllBytes(bundled.resolve(f)), f);
        }
    }

    @Test
    void listOfBundledTemplatesNamesEveryTemplate() throws IOException {
        List<String> names = files(Path.of("templates")).stream().filter(f -> f.endsWith(".yaml"))
                .map(f -> f.substring(0, f.length() - 5)).toList();
        assertEquals(names, TemplateLibrary.bundled().names());
        for (String name : names) {
            assertEquals(name, TemplateLibrary.bundled().load(name).name());
        }
    }
}
