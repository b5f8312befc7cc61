package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code packing:} section of station.yaml: the shipped example, and every problem named with its key. */
class PackingConfigTest {

    private static final String LINE = """
            printers: [{name: p, uri: "tcp://127.0.0.1:9", profile: zt411-203}]
            scanners: [{name: s, uri: "tcp://127.0.0.1:9", profile: generic}]
            rejectGates: [{name: g, uri: "tcp://127.0.0.1:9"}]
            """;

    @Test
    void theShippedExampleHasAPackingStation() {
        StationConfig config = new StationConfigReader().read(Path.of("station.yaml"));
        StationConfig.Packing p = config.packing();
        assertTrue(p.present());
        assertEquals(20, p.caseSize());
        assertEquals(40, p.casesPerPallet());
        assertEquals("6901234", p.sscc().companyPrefix());
        assertEquals("case-sscc", p.template());
        assertEquals("tcp://192.0.2.21:23", p.caseReader().uri().toString());
    }

    @Test
    void withoutAPackingSectionThereIsNoPackingStation() {
        assertFalse(new StationConfigReader().parse(LINE, Path.of("/srv"), "s.yaml").packing().present());
    }

    @Test
    void everyProblemOfThePackingSectionIsNamedWithItsKey() {
        String yaml = LINE + """
                packing:
                  caseSize: 0
                  sscc: {companyPrefix: "12", extensionDigit: 3}
                  caseReader: {name: r, uri: "tcp://127.0.0.1:1", profile: generic, colour: red}
                  labelPrinter: {name: lp, uri: "tcp://127.0.0.1:2", profile: zt411-203}
                """;
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new StationConfigReader().parse(yaml, Path.of("/srv"), "s.yaml"));
        var where = e.problems().stream().map(Problem::where).toList();
        assertTrue(where.contains("packing.caseSize"), e.getMessage());
        assertTrue(where.contains("packing.sscc.companyPrefix"), e.getMessage());
        assertTrue(where.contains("packing.caseReader.colour"), e.getMessage());
        assertTrue(where.contains("packing.labelReader.name"), e.getMessage());
    }
}
