package io.tracemark.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrinterProfilesTest {

    @Test
    void everyShippedProfileLoadsAndIsIndexed() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of("printer-profiles"))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.replace(".yaml", "")).sorted().toList();
        }
        assertEquals(files, PrinterProfiles.bundled());
        assertTrue(files.containsAll(List.of("zt411-203", "zt411-300", "zd421-203", "zt610-203", "tij-coder-300")));
        for (String name : files) {
            PrinterProfile p = PrinterProfiles.load(name);
            assertEquals(name, p.name());
            assertTrue(p.label().widthMm() <= p.maxPrintWidthMm());
        }
        PrinterProfile zt411 = PrinterProfiles.load("zt411-203");
        assertEquals(203, zt411.dpi());
        assertEquals(800, zt411.printWidthDots());
        assertEquals("~SD15^XA^PR8^MTT^MNY^PW800^LL400^JZN^XZ\r\n", JobSettings.from(zt411).toZpl());
        assertEquals(300, PrinterProfiles.load("zt411-300").dpi());
    }

    @Test
    void listsEveryProblemWithItsKeyPath() {
        String yaml = """
                model: Broken
                resolutionDpmm: 8
                maxPrintWidthMm: 104
                speedIps: {min: 2, max: 14, default: 16}
                darkness: {default: 15}
                media: thermal-transfer
                label: {widthMm: 110, lengthMm: 50}
                cjkFont: {mode: resident}
                colour: red
                lookAhead: 0
                """;
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PrinterProfiles.parse("broken", yaml, "test.yaml"));
        List<String> where = e.problems().stream().map(Problem::where).sorted().toList();
        assertEquals(List.of("cjkFont.residentName", "colour", "label.widthMm", "lookAhead", "speedIps.default"), where);
        assertTrue(e.getMessage().contains("label.widthMm: 110 mm is wider than the head (maxPrintWidthMm 104 mm)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("speedIps.default: 16 ips is outside 2..14 ips"), e.getMessage());
    }

    @Test
    void loadsByPathAndNamesTheBundledOnesForAnUnknownName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, Files.readString(Path.of("printer-profiles/zd421-203.yaml")));
        assertEquals("mine", PrinterProfiles.load(file.toString()).name());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PrinterProfiles.load("zt999"));
        assertTrue(e.getMessage().contains("zt411-203"), e.getMessage());
    }

    @Test
    void profilesCarryTheFirmwareLimitsAndTheJobSettingsKeepThem() {
        String yaml = """
                model: Too fast
                resolutionDpmm: 8
                maxPrintWidthMm: 104
                speedIps: {min: 2, max: 18, default: 8}
                darkness: {default: 15}
                media: thermal-transfer
                label: {widthMm: 100, lengthMm: 50}
                cjkFont: {mode: bitmap}
                storedFormats: false
                printConfirmation: host-verification
                mediaTracking: pinholes
                objectNameLength: 12
                """;
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PrinterProfiles.parse("fast", yaml, "test.yaml"));
        List<String> where = e.problems().stream().map(Problem::where).sorted().toList();
        assertEquals(List.of("mediaTracking", "objectNameLength", "printConfirmation", "speedIps.max"), where);
        assertTrue(e.getMessage().contains("speedIps.max: 18 ips is outside 2..14 ips"), e.getMessage());
        assertTrue(e.getMessage().contains("host-verification needs storedFormats: true"), e.getMessage());

        PrinterProfile zt411 = PrinterProfiles.load("zt411-203");
        assertEquals(MediaTracking.GAP, zt411.mediaTracking());
        assertEquals(16, zt411.objectNameLength());
        IllegalArgumentException tooFast = assertThrows(IllegalArgumentException.class,
                () -> JobSettings.of(zt411, 15, 15));
        assertEquals("zt411-203: speed 15 ips is outside the profile's 2..14 ips", tooFast.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JobSettings(15, 15, MediaKind.THERMAL_TRANSFER, 800,
                400, MediaTracking.GAP));
        assertEquals("~SD15^XA^PR20^PW152^LL720^JZN^XZ\r\n", JobSettings.from(PrinterProfiles.load("tij-coder-300"))
                .toZpl(), "inkjet: no ^MT, no ^MN");
    }
}
