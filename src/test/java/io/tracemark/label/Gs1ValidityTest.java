package io.tracemark.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.codes.ElementString;
import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The remembered validation says exactly what {@link ElementString#validate()} says, for every element string. */
class Gs1ValidityTest {

    private static final String VALID = "(01)06901234567892(10)L240315(17)281201(21)A7K2P9Q4X1";

    @Test
    void aChangedSerialIsCheckedAgainAndABadOneRefusedWithTheMessageOfValidate() {
        Gs1Validity validity = new Gs1Validity();
        assertEquals(List.of(), validity.problems(ElementString.parse(VALID)));
        assertEquals(List.of(), validity.problems(ElementString.parse("(01)06901234567892(10)L240315(17)281201(21)B1")));
        ElementString bad = ElementString.parse("(01)06901234567892(10)L240315(17)281201(21)B#1");
        List<Problem> problems = validity.problems(bad);
        assertFalse(problems.isEmpty());
        assertEquals(bad.validate(), problems);
        ElementString badCheckDigit = ElementString.parse("(01)06901234567893(10)L240315(17)281201(21)B2");
        assertEquals(badCheckDigit.validate(), validity.problems(badCheckDigit));
        ElementString badDate = ElementString.parse("(01)06901234567892(10)L240315(17)281301(21)B3");
        assertFalse(validity.problems(badDate).isEmpty());
    }

    @Test
    void anotherShapeOrAChangedRepeatedAiIsValidatedInFull() {
        Gs1Validity validity = new Gs1Validity();
        assertEquals(List.of(), validity.problems(ElementString.parse("(01)06901234567892(21)S1(21)S1")));
        ElementString twoSerials = ElementString.parse("(01)06901234567892(21)S1(21)S2");
        assertTrue(validity.problems(twoSerials).get(0).message().contains("appears twice"), twoSerials.toString());
        ElementString noKey = ElementString.parse("(21)S3");
        assertEquals(noKey.validate(), validity.problems(noKey));
        assertFalse(validity.problems(noKey).isEmpty());
    }

    @Test
    void randomVariationsOfValidCodesAreJudgedAsValidateJudgesThem() {
        Gs1Validity validity = new Gs1Validity();
        Random random = new Random(7);
        String chars = "0123456789ABCXYZabc_-/()%#^~ 中";
        List<ElementString> valid = List.of(ElementString.parse(VALID),
                ElementString.parse("(01)06901234567892(21)S1"), ElementString.parse("(00)069012345000000011"),
                ElementString.parse("(01)06901234567892(11)261202(21)S1(10)B1"));
        int refused = 0;
        for (int n = 0; n < 4000; n++) {
            ElementString base = valid.get(random.nextInt(valid.size()));
            List<ElementString.Element> elements = new ArrayList<>(base.elements());
            int changes = 1 + random.nextInt(2);
            for (int c = 0; c < changes; c++) {
                int i = random.nextInt(elements.size());
                String value = elements.get(i).value();
                StringBuilder v = new StringBuilder(value);
                switch (random.nextInt(4)) {
                    case 0 -> v.setCharAt(random.nextInt(v.length()), chars.charAt(random.nextInt(chars.length())));
                    case 1 -> v.append(chars.charAt(random.nextInt(chars.length())));
                    case 2 -> v.setLength(Math.max(1, v.length() - 1));
                    default -> v.setCharAt(random.nextInt(v.length()), (char) ('0' + random.nextInt(10)));
                }
                elements.set(i, new ElementString.Element(elements.get(i).ai(), v.toString()));
            }
            ElementString es = new ElementString(elements);
            List<Problem> expected = es.validate();
            assertEquals(expected, validity.problems(es), es.toBracketed());
            refused += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(refused > 1000 && refused < 3900, refused + " of 4000 refused: the variations test both sides");
    }
}
