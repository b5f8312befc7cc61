package io.tracemark.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLoadTest {

    private static final String YAML = """
            name: t
            widthMm: 50
            heightMm: 30
            dotsPerMm: 8
            traceLevel: ITEM
            fields:
              gs1: gs1
              productName: text
            verificationCode:
              field: gs1
              symbology: GS1_DATAMATRIX
              box: {xMm: 1, yMm: 1, widthMm: 17, heightMm: 17}
            """;

    private static final String ZPL = """
            ^XA
            ^FO16,16^BXN,5,200,,,,#,1^FD{{gs1}}^FS
            ^FO150,16^A@N,20,20,E:CJK.TTF^FD{{productName}}^FS
            ^XZ
            """;

    @TempDir
    Path dir;

    private List<Problem> problems(String yaml, String zpl) throws IOException {
        Files.writeString(dir.resolve("t.yaml"), yaml);
        Files.writeString(dir.resolve("t.zpl"), zpl);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new TemplateLibrary(dir).load("t"));
        return e.problems();
    }

    private static void assertHas(List<Problem> problems, String where, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.where().equals(where) && p.message().contains(fragment)),
                "expected '" + fragment + "' at '" + where + "' in " + problems);
    }

    @Test
    void validTemplateLoads() throws IOException {
        Files.writeString(dir.resolve("t.yaml"), YAML);
        Files.writeString(dir.resolve("t.zpl"), ZPL);
        LabelTemplate t = new TemplateLibrary(dir).load("t");
        assertEquals(List.of("gs1", "productName"), TemplateField.names(t.fields()));
        assertEquals(new CodeBox.Dots(8, 8, 136, 136), t.codeBox(8));
        assertEquals(Symbology.GS1_DATAMATRIX, t.symbology());
        assertEquals("R:T.ZPL", t.formatName());
    }

    @Test
    void unknownPlaceholderNamesItsLine() throws IOException {
        assertHas(problems(YAML, ZPL.replace("^XZ", "^FO1,200^A0N,20,20^FD{{batch}}^FS\n^XZ")), "line 4",
                "unknown placeholder {{batch}}");
    }

    @Test
    void fieldTheJobCannotSupply() throws IOException {
        assertHas(problems(YAML.replace("  productName: text", "  productName: text\n  colour: text"),
                ZPL.replace("^XZ", "^FO1,200^A0N,20,20^FD{{colour}}^FS\n^XZ")), "fields.colour", "the job cannot supply");
    }

    @Test
    void declaredTypeMustMatchTheCatalog() throws IOException {
        assertHas(problems(YAML.replace("productName: text", "productName: date"), ZPL), "fields.productName",
                "declared DATE");
    }

    @Test
    void missingXaAndXz() throws IOException {
        List<Problem> p = problems(YAML, ZPL.replace("^XA\n", "").replace("^XZ\n", ""));
        assertHas(p, "", "missing ^XA");
    }

    @Test
    void placeholderInsideACommandIsRefused() throws IOException {
        assertHas(problems(YAML, ZPL.replace("^FO150,16", "^FO150,{{productName}}")), "line 3", "inject");
    }

    @Test
    void symbolFieldMustBeOnePlaceholder() throws IOException {
        assertHas(problems(YAML, ZPL.replace("^FD{{gs1}}", "^FDX{{gs1}}")), "line 2", "exactly one placeholder");
    }

    @Test
    void dateFormatOnlyOnDates() throws IOException {
        assertHas(problems(YAML, ZPL.replace("{{productName}}", "{{productName:yyyy}}")), "line 3", "only dates take a format");
    }

    @Test
    void codeBoxMustLieOnTheLabel() throws IOException {
        assertHas(problems(YAML.replace("xMm: 1,", "xMm: 40,"), ZPL), "verificationCode.box", "leaves the");
    }

    @Test
    void unknownTemplateListsWhatExists() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new TemplateLibrary(dir).load("nope"));
        assertTrue(e.getMessage().contains("item-gs1-datamatrix"), e.getMessage());
    }

    @Test
    void valuesOfTheWrongTypeAndUnknownFieldsAreRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LabelValues.of(Map.of("productionDate", "15/03/2024", "colour", "red", "childCount", "x")));
        assertEquals(3, e.problems().size(), e.problems().toString());
    }

    @Test
    void invalidGs1DataIsNeverPrinted() {
        LabelWriter w = TemplateLibrary.bundled().load("item-gs1-datamatrix").writer(LabelTarget.standard(8));
        LabelValues bad = LabelValues.of(Map.of("gs1", "(01)06901234567893(21)A1", "productName", "x",
                "specification", "x", "standard", "x", "productionDate", "2024-01-01", "batch", "b", "producerName", "p"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> w.label(bad));
        assertTrue(e.getMessage().contains("(01)"), e.getMessage());
    }

    @Test
    void nonAsciiSymbolDataIsRefused() {
        LabelWriter w = TemplateLibrary.bundled().load("platform-code-qr").writer(LabelTarget.standard(8));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> w.label(Map.of("code", "码123",
                "platformName", "p", "productName", "n")));
        assertTrue(e.getMessage().contains("must be ASCII"), e.getMessage());
    }
}
