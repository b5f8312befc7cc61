package io.tracemark.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code gcppos1} and {@code gcppos2} with the cases of the GS1 Syntax Engine's own unit tests
 * ({@code test_lint_gcppos1} / {@code test_lint_gcppos2} in gs1/gs1-syntax-engine
 * {@code src/c-lib/syntax/lint_gcppos1.c}, {@code lint_gcppos2.c}): four digits make a GS1 Company
 * Prefix position, a shorter component is too short, a non-digit among the four is named by position.
 */
class CompanyPrefixLinterTest {

    @Test
    void gcppos1AsTheEngineTestsIt() {
        assertEquals(Optional.empty(), Gs1Linters.lint("gcppos1", "01234"), "one more than the minimum length");
        assertEquals(Optional.empty(), Gs1Linters.lint("gcppos1", "0123"), "the minimum length");
        assertEquals(Optional.empty(), Gs1Linters.lint("gcppos1", "0123A"), "only the four-digit minimum GCP is numeric");
        for (String tooShort : new String[] {"012", "01", "0", ""}) {
            assertTrue(Gs1Linters.lint("gcppos1", tooShort).orElseThrow().contains("too short"), tooShort);
        }
        String[] bad = {"012AA", "01AAA", "0AAAA", "AAAAA"};
        for (int i = 0; i < bad.length; i++) {
            String problem = Gs1Linters.lint("gcppos1", bad[i]).orElseThrow();
            assertTrue(problem.contains("at position " + (4 - i)), bad[i] + ": " + problem);
        }
    }

    @Test
    void gcppos2AsTheEngineTestsIt() {
        assertEquals(Optional.empty(), Gs1Linters.lint("gcppos2", "I1234567"));
        assertEquals(Optional.empty(), Gs1Linters.lint("gcppos2", "X0123"));
        for (String tooShort : new String[] {"X012", "X", ""}) {
            assertTrue(Gs1Linters.lint("gcppos2", tooShort).orElseThrow().contains("too short"), tooShort);
        }
        String problem = Gs1Linters.lint("gcppos2", "X01A3").orElseThrow();
        assertTrue(problem.contains("found 'A' at position 4"), problem);
    }

    @Test
    void theDictionaryNamesTheCompanyPrefixLintersAndNotTheRetiredKeyLinters() {
        assertTrue(Gs1Linters.known("gcppos1") && Gs1Linters.known("gcppos2"));
        assertFalse(Gs1Linters.known("key") || Gs1Linters.known("keyoff1"),
                "retired in the engine (stubs that accept everything) and not named by the shipped dictionary");
        // GINC (401) must start at a GCP position; SSCC (00) carries it from its second digit
        assertFalse(ElementString.parse("(401)XYZ123").isValid());
        assertTrue(ElementString.parse("(401)6901234ABC").isValid());
        assertTrue(ElementString.parse("(00)106141411234567897").isValid());
    }
}
