package io.tracemark.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElementStringTest {

    private static final char GS = ElementString.GS;

    @Test
    void bracketedFormIsParsedInOrder() {
        ElementString es = ElementString.parseBracketed("(01)06912345678902(17)271231(10)L1(21)ABC");
        assertEquals(List.of(new ElementString.Element("01", "06912345678902"),
                new ElementString.Element("17", "271231"),
                new ElementString.Element("10", "L1"),
                new ElementString.Element("21", "ABC")), es.elements());
        assertEquals(Optional.of("L1"), es.get("10"));
        assertEquals(Optional.empty(), es.get("11"));
        assertEquals(List.of(), es.validate());
        assertEquals("(01)06912345678902(17)271231(10)L1(21)ABC", es.toBracketed());
    }

    @Test
    void rawFormHasSeparatorsOnlyAfterVariableLengthValuesThatAreNotLast() {
        ElementString es = ElementString.parseBracketed("(01)06912345678902(17)271231(10)L1(21)ABC");
        assertEquals("0106912345678902" + "17271231" + "10L1" + GS + "21ABC", es.toRaw(GS));
        // 422 and 7003 are fixed length but not in the predefined-length table: they need a separator
        ElementString fixedNotPredefined = ElementString.of("01", "06912345678902", "422", "156",
                "7003", "2712311530", "410", "0614141000036", "21", "S1");
        assertEquals("0106912345678902422156" + GS + "70032712311530" + GS + "4100614141000036" + "21S1",
                fixedNotPredefined.toRaw(GS));
        assertEquals(fixedNotPredefined, ElementString.parseRaw(fixedNotPredefined.toRaw(GS), GS));
    }

    @Test
    void theExampleOfTheBriefHasAWrongGtinCheckDigit() {
        ElementString es = ElementString.parseBracketed("(01)06912345678904(17)271231(10)L1(21)ABC");
        assertEquals(List.of(new Problem("(01)", "check digit should be 2")), es.validate());
    }

    @ParameterizedTest
    @CsvSource({"]d2", "]C1", "]Q3", "''"})
    void rawDataWithSymbologyIdentifierOrLeadingFnc1(String prefix) {
        String data = prefix + "0106912345678902" + "10L1" + GS + "17271231";
        ElementString es = ElementString.parseRaw(data, GS);
        assertEquals("(01)06912345678902(10)L1(17)271231", es.toBracketed());
        assertEquals(es, ElementString.parseRaw(prefix + GS + "0106912345678902" + "10L1" + GS + "17271231", GS));
    }

    @Test
    void anotherSeparatorCharacterCanBeUsed() {
        ElementString es = ElementString.parseRaw("0106912345678902" + "10L1|21X", '|');
        assertEquals(Optional.of("X"), es.get("21"));
        assertEquals("010691234567890210L1|21X", es.toRaw('|'));
    }

    @Test
    void separatorAfterPredefinedLengthValueIsTolerated() {
        ElementString es = ElementString.parseRaw("0106912345678902" + GS + "10L1", GS);
        assertEquals("(01)06912345678902(10)L1", es.toBracketed());
    }

    @Test
    void roundTripsOfRandomElementStrings() {
        Random random = new Random(99L);
        String[] variable = {"10", "21", "240", "241", "250", "251", "400", "91", "8200"};
        for (int n = 0; n < 500; n++) {
            ElementString es = ElementString.of("01", Gs1CheckDigit.append(Gs1CheckDigitTest.randomDigits(random, 13)));
            for (int k = random.nextInt(4); k > 0; k--) {
                String ai = variable[random.nextInt(variable.length)];
                es = es.with(ai, randomCset82(random, 1 + random.nextInt(20)));
            }
            if (random.nextBoolean()) {
                es = es.with("17", "2712" + String.format("%02d", random.nextInt(29)));
            }
            assertEquals(es, ElementString.parseRaw(es.toRaw(GS), GS), es.toBracketed());
            assertEquals(es, ElementString.parseBracketed(es.toBracketed()), es.toBracketed());
        }
    }

    @Test
    void parenthesisInAValueIsEscapedInBracketedForm() {
        ElementString es = ElementString.of("01", "06912345678902", "21", "A(10)B");
        assertEquals("(01)06912345678902(21)A\\(10)B", es.toBracketed());
        assertEquals(es, ElementString.parseBracketed(es.toBracketed()));
    }

    @Test
    void validateReportsEveryProblem() {
        ElementString es = ElementString.parseBracketed(
                "(01)0691234567890(17)271332(10)L~1(21)ABCDEFGHIJKLMNOPQRSTU(422)999(7003)2712312460(99)X(8006)069123456789020504");
        List<Problem> problems = es.validate();
        assertEquals(List.of(
                new Problem("(01)", "value must be 14 characters (N14), not 13"),
                new Problem("(17)", "month 13 in date 271332 is not 01-12"),
                new Problem("(10)", "character '~' at position 2 is not in GS1 AI encodable character set 82"),
                new Problem("(21)", "value must be 1 to 20 characters (X..20), not 21"),
                new Problem("(422)", "999 is not an ISO 3166-1 numeric country code"),
                new Problem("(7003)", "hour 24 is not 00-23"),
                new Problem("(8006)", "piece 5 of 4 must be between 1 and the total"),
                new Problem("(8006)", "may not appear together with (01)")), problems);
    }

    @Test
    void datesFollowTheGs1Rules() {
        assertTrue(ElementString.of("01", "06912345678902", "17", "271200").isValid(), "DD=00 means whole month");
        assertTrue(ElementString.of("01", "06912345678902", "15", "280229").isValid(), "2028 is a leap year");
        assertEquals(List.of(new Problem("(15)", "day 29 in date 270229 is not 01-28")),
                ElementString.of("01", "06912345678902", "15", "270229").validate());
        assertEquals(List.of(new Problem("(11)", "day 31 in date 270431 is not 01-30")),
                ElementString.of("01", "06912345678902", "11", "270431").validate());
        assertEquals(List.of(new Problem("(7003)", "day 00 in date 271200 is not 01-31")),
                ElementString.of("01", "06912345678902", "7003", "2712000000").validate());
    }

    @Test
    void pairingRulesAndDuplicates() {
        assertEquals(List.of(new Problem("(21)", "needs (01) or (03) or (8006) in the same element string")),
                ElementString.of("00", "106141411234567897", "21", "X").validate());
        assertEquals(List.of(new Problem("(10)", "appears twice with different values 'A' and 'B'")),
                ElementString.of("01", "06912345678902", "10", "A", "10", "B").validate());
        assertEquals(List.of(new Problem("(5555)", "unknown or unsupported AI")),
                ElementString.parseBracketed("(00)106141411234567897(5555)X").validate());
    }

    @Test
    void checkDigitAIs() {
        for (String ai : List.of("00", "01", "02", "402", "410", "411", "412", "413", "414", "415", "416", "417")) {
            ApplicationIdentifier def = ApplicationIdentifiers.find(ai).orElseThrow();
            String good = Gs1CheckDigit.append("1".repeat(def.maxLength() - 1));
            String bad = good.substring(0, good.length() - 1) + ((good.charAt(good.length() - 1) - '0' + 1) % 10);
            assertEquals(List.of(), def.problems(good), ai);
            assertEquals(1, def.problems(bad).size(), ai);
            assertTrue(def.problems(bad).get(0).startsWith("check digit should be "), ai);
        }
    }

    @Test
    void tableCoversTheTraceabilityAIs() {
        for (String ai : List.of("00", "01", "02", "10", "11", "13", "15", "16", "17", "21", "240", "241", "250",
                "251", "400", "401", "402", "410", "411", "412", "413", "414", "415", "416", "417", "422", "7003",
                "8200", "90", "91", "92", "93", "94", "95", "96", "97", "98", "99")) {
            assertTrue(ApplicationIdentifiers.find(ai).isPresent(), ai);
        }
        assertEquals("X..20", ApplicationIdentifiers.find("10").orElseThrow().format());
        assertEquals("N14", ApplicationIdentifiers.find("01").orElseThrow().format());
        assertTrue(ApplicationIdentifiers.find("17").orElseThrow().predefinedLength());
        assertFalse(ApplicationIdentifiers.find("422").orElseThrow().predefinedLength());
        assertEquals(13, ApplicationIdentifiers.predefinedValueLength("414").getAsInt());
        assertEquals(6, ApplicationIdentifiers.predefinedValueLength("3103").getAsInt());
    }

    @Test
    void corruptedInputIsRefusedWithThePosition() {
        assertParseFails(() -> ElementString.parseBracketed("01)123"), "position 1: expected '(' to open an AI");
        assertParseFails(() -> ElementString.parseBracketed("(01"), "'(' is never closed");
        assertParseFails(() -> ElementString.parseBracketed("(0A)12"), "'(0A)' is not an AI of 2 to 4 digits");
        assertParseFails(() -> ElementString.parseBracketed("(10)(21)X"), "(10): has no value");
        assertParseFails(() -> ElementString.parseBracketed(""), "is empty");
        assertParseFails(() -> ElementString.parseRaw("01069123", GS), "(01): needs 14 characters, only 6 left");
        assertParseFails(() -> ElementString.parseRaw("0106912345678902" + "55X", GS),
                "position 17: no known AI starts at '55X'");
        assertParseFails(() -> ElementString.parseRaw("]d2", GS), "holds no data");
        assertParseFails(() -> ElementString.parseRaw("10" + GS + "21X", GS), "(10): has no value");
    }

    @Test
    void randomGarbageNeverBreaksTheParserUnexpectedly() {
        Random random = new Random(5L);
        String chars = "0123456789()\\\u001DAB]d";
        for (int n = 0; n < 5000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                s.append(chars.charAt(random.nextInt(chars.length())));
            }
            try {
                ElementString.parse(s.toString()).validate();
            } catch (InvalidInputException expected) {
                assertFalse(expected.problems().isEmpty());
            }
        }
    }

    private static void assertParseFails(org.junit.jupiter.api.function.Executable parse, String fragment) {
        InvalidInputException e = assertThrows(InvalidInputException.class, parse);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static String randomCset82(Random random, int length) {
        String set = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(set.charAt(random.nextInt(set.length())));
        }
        return s.toString();
    }
}
