package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.label.TemplateLibrary;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.verify.ScannerProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every YAML file the project ships loads with the loader that reads it in production: the station
 * configurations at the top level (and every printer profile, scanner profile and template they
 * name), every printer profile, every scanner profile, every label template.
 */
class ShippedYamlTest {

    @Test
    void everyShippedYamlFileLoads() throws IOException {
        List<Path> stations = yamlIn(Path.of(".")).stream().filter(p -> p.getFileName().toString().startsWith("station"))
                .toList();
        assertTrue(stations.contains(Path.of("./station.yaml")) && stations.contains(Path.of("./station-virtual.yaml")),
                "shipped station configurations: " + stations);
        for (Path file : stations) {
            StationConfig config = new StationConfigReader().read(file);
            assertFalse(config.printers().isEmpty() || config.scanners().isEmpty() || config.rejectGates().isEmpty(),
                    file + " configures a printer, a scanner and a gate");
            config.printers().forEach(d -> assertNotNull(PrinterProfiles.load(d.profile()), file + ": " + d));
            config.scanners().stream().filter(d -> d.profile() != null)
                    .forEach(d -> assertNotNull(ScannerProfiles.builtIn(d.profile()), file + ": " + d));
            assertTrue(Files.isDirectory(config.templatesDir()), file + ": templates " + config.templatesDir());
            assertTrue(config.platform().present(), file + " links a platform");
        }
        List<Path> printerProfiles = yamlIn(Path.of("printer-profiles"));
        assertFalse(printerProfiles.isEmpty());
        printerProfiles.forEach(p -> assertNotNull(PrinterProfiles.load(p.toString()), p.toString()));
        List<Path> scannerProfiles = yamlIn(Path.of("scanner-profiles"));
        assertEquals(ScannerProfiles.BUILT_IN.size(), scannerProfiles.size(), "every built-in scanner profile is shipped");
        scannerProfiles.forEach(p -> assertNotNull(ScannerProfiles.load(p), p.toString()));
        TemplateLibrary templates = new TemplateLibrary(Path.of("templates"));
        List<Path> templateFiles = yamlIn(Path.of("templates"));
        assertFalse(templateFiles.isEmpty());
        for (Path t : templateFiles) {
            String name = t.getFileName().toString().replace(".yaml", "");
            assertNotNull(templates.load(name), t.toString());
        }
    }

    @Test
    void theShippedVirtualStationPointsAtVirtualLineDefaults() {
        StationConfig config = new StationConfigReader().read(Path.of("station-virtual.yaml"));
        assertEquals("tcp://127.0.0.1:9100", config.printers().get(0).uri().toString());
        assertEquals("tcp://127.0.0.1:9101", config.scanners().get(0).uri().toString());
        assertTrue(config.rejectGates().get(0).uri().toString().startsWith("tcp://127.0.0.1:9102?"));
        assertEquals(4, config.line().maxAwaitingVerdict());
        assertEquals(16, config.line().allocationChunk(), "default chunk");
        assertEquals(config.platform().url(), config.platform().resolverBase(), "resolver base defaults to the platform");
    }

    private static List<Path> yamlIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
