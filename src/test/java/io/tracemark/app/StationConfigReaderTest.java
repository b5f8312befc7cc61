package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StationConfigReaderTest {

    private final StationConfigReader reader = new StationConfigReader();

    @Test
    void theShippedExampleIsValid() {
        StationConfig config = reader.read(Path.of("station.yaml"));
        assertEquals("line-1", config.stationName());
        assertEquals(2, config.printers().size());
        assertEquals("serial", config.printers().get(1).uri().getScheme());
        assertEquals(3, config.line().consecutiveRejectLimit());
        assertEquals(Path.of("station.yaml").toAbsolutePath().getParent().resolve("data"), config.dataDir());
        assertEquals("digital-identity", config.opaqueSchemes().get(0).name());
        assertEquals(List.of(config.dataDir().resolve("backups")), config.backups().folders());
        assertEquals(60, config.backups().intervalMinutes());
        assertTrue(config.backups().atBatchEnd());
        assertEquals(48, config.backups().keep());
    }

    @Test
    void backupsWithoutFoldersOrWithBadNumbersAreReportedWithTheirPaths() {
        assertFalse(reader.parse("{}", Path.of("/srv"), "t.yaml").backups().configured(), "no section, no backups");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.parse("""
                backups:
                  folders: []
                  keep: 0
                  intervalMinutes: -1
                  every: 5
                """, Path.of("/srv"), "station.yaml"));
        assertEquals(List.of("backups.folders", "backups.intervalMinutes", "backups.keep", "backups.every"),
                e.problems().stream().map(Problem::where).toList());
        StationConfig two = reader.parse("backups:\n  folders:\n    - path: /mnt/b\n    - path: b2\n", Path.of("/srv"), "t");
        assertEquals(List.of(Path.of("/mnt/b"), Path.of("/srv/b2")), two.backups().folders());
    }

    @Test
    void defaultsApplyToAnEmptyFile() {
        StationConfig config = reader.parse("{}", Path.of("/srv"), "t.yaml");
        assertEquals(7070, config.panel().port());
        assertEquals(4, config.line().lookAhead());
        assertEquals(10, config.line().maxAwaitingVerdict(), "lookAhead + 6");
        assertTrue(config.line().challengeAtStart());
        assertEquals(Path.of("/srv/data"), config.dataDir());
        assertEquals(null, config.platform().url());
    }

    @Test
    void everyProblemIsReportedTogetherWithItsPath() {
        String yaml = """
                station:
                  nmae: typo
                panel:
                  port: 70000
                printers:
                  - name: p1
                    uri: "no scheme here"
                  - name: p1
                    uri: tcp://127.0.0.1:9100
                    profile: zt411-203
                    colour: red
                line:
                  challengeAtStart: maybe
                  minimumGrade: Z
                platform:
                  url: http://127.0.0.1:1
                opaqueSchemes:
                  - name: x
                    pattern: "[unclosed"
                extra: 1
                """;
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> reader.parse(yaml, Path.of("/srv"), "station.yaml"));
        List<String> where = e.problems().stream().map(Problem::where).toList();
        assertEquals(List.of("station.nmae", "panel.port", "printers[0].uri", "printers[0].profile",
                "printers[1].colour", "printers[1].name", "line.challengeAtStart", "line.minimumGrade",
                "platform.token", "opaqueSchemes[0].pattern", "extra"), where);
        assertTrue(e.getMessage().contains("panel.port: must be from 0 to 65535, was 70000"), e.getMessage());
    }

    @Test
    void brokenYamlNamesTheLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> reader.parse("station:\n  name: [unclosed\n", Path.of("/srv"), "s.yaml"));
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void theResultIsImmutable() {
        StationConfig config = reader.read(Path.of("station.yaml"));
        assertThrows(UnsupportedOperationException.class, () -> config.printers().clear());
    }

    @Test
    void lineAndPlatformSettingsHaveDefaultsAndAreCheckedTogether() {
        StationConfig defaults = reader.parse("line:\n  lookAhead: 3\nplatform:\n  url: https://p.example.cn\n"
                + "  token: t\n", Path.of("/srv"), "s.yaml");
        assertEquals(9, defaults.line().maxAwaitingVerdict(), "lookAhead + 6");
        assertEquals(16, defaults.line().allocationChunk());
        assertEquals("p.example.cn", defaults.platform().name());
        assertEquals("https://p.example.cn", defaults.platform().resolverBase().toString());
        assertEquals(300, defaults.platform().pullIntervalSeconds());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.parse(
                "line:\n  lookAhead: 4\n  maxAwaitingVerdict: 2\n  allocationChunk: 0\nplatform:\n"
                        + "  url: https://p.example.cn\n  token: t\n  bufferDays: 1\n  alarmDays: 2\n"
                        + "  resolverBase: 'not a uri'\n", Path.of("/srv"), "s.yaml"));
        List<String> where = e.problems().stream().map(Problem::where).toList();
        assertEquals(List.of("line.allocationChunk", "line.maxAwaitingVerdict", "platform.resolverBase",
                "platform.alarmDays"), where, e.getMessage());
    }

    @Test
    void aPrinterKeepsTheLinesLookAheadOrFewerIfItsProfileSaysSo() {
        StationConfig.Line line = reader.parse("{}", Path.of("/srv"), "t.yaml").line();
        assertEquals(4, StationDevices.lookAhead(line, io.tracemark.printer.PrinterProfiles.load("zt411-203")));
        assertEquals(1, StationDevices.lookAhead(line, io.tracemark.printer.PrinterProfiles.load("tij-coder-300")));
        StationConfig.Line two = reader.parse("line: {lookAhead: 2}", Path.of("/srv"), "t.yaml").line();
        assertEquals(2, StationDevices.lookAhead(two, io.tracemark.printer.PrinterProfiles.load("zt411-203")));
    }

}
