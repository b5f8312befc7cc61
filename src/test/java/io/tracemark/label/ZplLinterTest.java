package io.tracemark.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ZplLinterTest {

    private static List<Problem> lint(String zpl) {
        return ZplLinter.lint(zpl);
    }

    private static void assertProblem(String zpl, String where, String fragment) {
        List<Problem> problems = lint(zpl);
        assertTrue(problems.stream().anyMatch(p -> p.where().equals(where) && p.message().contains(fragment)),
                "expected '" + fragment + "' at " + where + " in " + problems);
    }

    @Test
    void cleanLabelHasNoProblems() {
        assertEquals(List.of(), lint("^XA\n^CI28^PW400^LL240\n^FO10,10^A0N,20,20^FH_^FD_5Eok^FS\n"
                + "^FO10,40^BXN,5,200,,,,#,1^FH_^FD#10106901234567892^FS\n^XZ"));
    }

    @Test
    void missingStartAndEnd() {
        assertProblem("^FO1,1^FDx^FS", "", "missing ^XA");
        assertProblem("^XA^FO1,1^FDx^FS", "end", "missing ^XZ");
        assertProblem("^XA\n^XA\n^XZ", "line 2", "previous ^XA has no ^XZ");
        assertProblem("^XZ", "line 1", "^XZ without ^XA");
        assertProblem("^XA^FO1,1^FDx\n^XZ", "line 1", "not closed by ^FS");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
            Arguments.of("^XA\n^FOa,10^FS\n^XZ", "line 2", "must be a whole number"),
            Arguments.of("^XA\n^A0R,20,20^FDx^FS\n^XZ", "line 2", "orientation 'R' not supported"),
            Arguments.of("^XA\n^BXN,5,100,,,,#^FDx^FS\n^XZ", "line 2", "quality must be 200"),
            Arguments.of("^XA\n^BXN,5,200^FDx^FS\n^XZ", "line 2", "escape character (7th parameter) must be set"),
            Arguments.of("^XA\n^BXN,5,200,,,,_^FDx^FS\n^XZ", "line 2", "must differ from the ^FH indicator"),
            Arguments.of("^XA\n^BQN,1,3^FDQA,x^FS\n^XZ", "line 2", "model must be 2"),
            Arguments.of("^XA\n^BQN,2,11^FDQA,x^FS\n^XZ", "line 2", "magnification must be 1..10"),
            Arguments.of("^XA\n^BCN,100,N,N,N,D^FDx^FS\n^XZ", "line 2", "mode must be N"),
            Arguments.of("^XA\n^GFB,4,4,1,abcd^FS\n^XZ", "line 2", "^GF must be ASCII hex"),
            Arguments.of("^XA\n^CI13\n^XZ", "line 2", "use ^CI28"),
            Arguments.of("^XA\n^A@N,20,20^FDx^FS\n^XZ", "line 2", "needs a font name"),
            Arguments.of("^XA\n^GB10,10,1,Q^FS\n^XZ", "line 2", "line color must be B or W"),
            Arguments.of("^XA\n^FB100,1,0,X^FDx^FS\n^XZ", "line 2", "justification must be L, C, R or J"),
            Arguments.of("^XA\n^FH_^FDab_4^FS\n^XZ", "line 2", "not followed by two hex digits"),
            Arguments.of("^XA\n^XFNOT A NAME!^FS\n^XZ", "line 2", "needs a format name"),
            Arguments.of("^XA\n^B3N,N,100^FD123^FS\n^XZ", "line 2", "^B3 is not supported"),
            Arguments.of("^XA\n^CC/\n^XZ", "line 2", "^CC is not supported"),
            Arguments.of("^XA\n~JA\n^XZ", "line 2", "control command ~JA"),
            Arguments.of("^XA\nhello\n^XZ", "line 2", "text outside any command"),
            Arguments.of("^XA\n^FO10,{{x}}^FDa^FS\n^XZ", "line 2", "placeholder inside ^FO"),
            Arguments.of("^XA\n^FO10,10^FD{{x}}^FS\n^XZ", "line 2", "unmerged placeholder"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void eachMalformedOrUnsupportedCommandIsReportedWithItsLine(String zpl, String where, String fragment) {
        assertProblem(zpl, where, fragment);
    }

    @Test
    void controlCharacterInFieldDataMustBeEscaped() {
        assertProblem("^XA^FD\u0001^FS^XZ", "line 1", "control character 0x01");
    }

    @Test
    void templatesMayHavePlaceholdersInFieldDataOnly() {
        assertEquals(List.of(), ZplLinter.lintTemplate("^XA^FO1,1^FD{{x}}^FS^XZ"));
        assertTrue(ZplLinter.lintTemplate("^XA^FO{{x}},1^FDa^FS^XZ").stream()
                .anyMatch(p -> p.message().contains("injection") || p.message().contains("inject")));
    }

    @Test
    void aTemplateIsExactlyOneFormatAndAnythingAfterItsXzIsRefusedWithItsLine() {
        String template = "^XA\n^FO10,10^A0N,20,20^FD{{name}}^FS\n^XZ\n^XA^FO0,0^GB800,800,800^FS\n^XZ\n";
        List<Problem> problems = ZplLinter.lintTemplate(template);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("line 4", problems.get(0).where());
        assertTrue(problems.get(0).message().contains("a template is exactly one format"), problems.toString());
        assertEquals(List.of(), ZplLinter.lintTemplate("^XA\n^FO10,10^A0N,20,20^FD{{name}}^FS\n^XZ\n\n"),
                "blank lines after ^XZ are nothing");
    }

    @Test
    void storedFormatNamesKeepToTheGuidesEightCharacters() {
        assertEquals(List.of(), lint("^XA^DFR:ITEMDM.ZPL^FS^XZ"));
        assertProblem("^XA^DFR:ITEMGS1DATAMTX.ZPL^FS^XZ", "line 1", "has 14 characters; ZPL takes 1 to 8");
        assertProblem("^XA^XFR:ITEMGS1DATAMTX.ZPL^FS^XZ", "line 1", "has 14 characters");
    }
}
