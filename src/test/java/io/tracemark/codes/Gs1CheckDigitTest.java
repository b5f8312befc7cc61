package io.tracemark.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gs1CheckDigitTest {

    @ParameterizedTest(name = "{0} is a valid {1}")
    @CsvSource({
        // GS1 General Specifications 7.9.1 worked example (GTIN-13 629104150021 -> 3)
        "6291041500213, GTIN_13",
        "96385074, GTIN_8",
        "036000291452, GTIN_12",
        "4006381333931, GTIN_13",
        "6901234567892, GTIN_13",
        "00012345600012, GTIN_14",
        "106141411234567897, SSCC",
        "376104250021234569, SSCC",
        "0614141000036, GLN",
    })
    void workedExamplesAreValid(String key, Gs1Key kind) {
        assertEquals(List.of(), kind.problems(key));
        assertEquals(key.charAt(key.length() - 1) - '0', Gs1CheckDigit.compute(key.substring(0, key.length() - 1)));
    }

    @Test
    void wrongCheckDigitNamesTheRightOne() {
        assertEquals(Optional.of("check digit should be 2"), Gs1CheckDigit.problem("06912345678904"));
        assertEquals(List.of("check digit should be 2"), Gs1Key.GTIN_14.problems("06912345678904"));
    }

    @Test
    void wrongLengthAndCharactersAreEachReported() {
        assertEquals(List.of("SSCC must be 18 digits, not 5", "SSCC must hold digits only"),
                Gs1Key.SSCC.problems("12a45"));
        assertEquals(List.of("a GTIN has 8, 12, 13 or 14 digits, not 10"), Gs1Key.gtinProblems("1234567890"));
        assertThrows(IllegalArgumentException.class, () -> Gs1CheckDigit.compute(""));
        assertThrows(IllegalArgumentException.class, () -> Gs1CheckDigit.compute("12x"));
        assertFalse(Gs1CheckDigit.isValid("7"));
        assertFalse(Gs1CheckDigit.isValid("12 3"));
    }

    @Test
    void gtinsAreNormalisedTo14Digits() {
        assertEquals("00000096385074", Gs1Key.normaliseGtin("96385074"));
        assertEquals("00036000291452", Gs1Key.normaliseGtin("036000291452"));
        assertEquals("06901234567892", Gs1Key.normaliseGtin("6901234567892"));
        assertEquals("00012345600012", Gs1Key.normaliseGtin("00012345600012"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gs1Key.normaliseGtin("6901234567891"));
        assertEquals("GTIN 6901234567891: check digit should be 2", e.getMessage());
    }

    @Test
    void everySingleDigitChangeIsCaught() {
        Random random = new Random(20240601L);
        for (int n = 0; n < 300; n++) {
            String key = Gs1CheckDigit.append(randomDigits(random, 7 + random.nextInt(17)));
            assertTrue(Gs1CheckDigit.isValid(key), key);
            for (int i = 0; i < key.length(); i++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d != key.charAt(i)) {
                        String changed = key.substring(0, i) + d + key.substring(i + 1);
                        assertFalse(Gs1CheckDigit.isValid(changed), key + " -> " + changed);
                    }
                }
            }
        }
    }

    @Test
    void adjacentTranspositionsAreCaughtUnlessTheDigitsDifferByFive() {
        Random random = new Random(77L);
        int caught = 0;
        int missedByDesign = 0;
        for (int n = 0; n < 500; n++) {
            String key = Gs1CheckDigit.append(randomDigits(random, 7 + random.nextInt(17)));
            for (int i = 0; i + 1 < key.length(); i++) {
                char a = key.charAt(i);
                char b = key.charAt(i + 1);
                if (a == b) {
                    continue;
                }
                String swapped = key.substring(0, i) + b + a + key.substring(i + 2);
                boolean mod10CatchesIt = Math.abs(a - b) != 5;
                assertEquals(!mod10CatchesIt, Gs1CheckDigit.isValid(swapped), key + " -> " + swapped);
                if (mod10CatchesIt) {
                    caught++;
                } else {
                    missedByDesign++;
                }
            }
        }
        assertTrue(caught > 1000 && missedByDesign > 50, caught + " caught, " + missedByDesign + " missed");
    }

    static String randomDigits(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }
}
