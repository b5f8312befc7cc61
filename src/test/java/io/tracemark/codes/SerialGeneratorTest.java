package io.tracemark.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SerialGeneratorTest {

    @Test
    void sequentialCountsUpWithPrefixAndPadding() {
        SequentialSerials s = new SequentialSerials(7, 4, "L1");
        assertEquals(List.of("L10007", "L10008", "L10009"), List.of(s.next(), s.next(), s.next()));
        assertEquals(10_000 - 10, s.remaining());
        SequentialSerials end = new SequentialSerials(98, 2);
        assertEquals("98", end.next());
        assertEquals("99", end.next());
        IllegalStateException e = assertThrows(IllegalStateException.class, end::next);
        assertTrue(e.getMessage().contains("all 2-digit numbers"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SequentialSerials(100, 2));
        assertThrows(IllegalArgumentException.class, () -> new SequentialSerials(0, 0));
    }

    @Test
    void randomSerialsNeverRepeatAndUseTheAlphabet() {
        // 10^5 codes among 31^6 = 887,503,681: probability 1.1e-4 > 1e-4 is refused; 31^7 is fine
        RandomSerials r = new RandomSerials(Uscc.ALPHABET, 7, 100_000, new Random(42L));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String s = r.next();
            assertEquals(7, s.length());
            assertTrue(s.chars().allMatch(c -> Uscc.ALPHABET.indexOf(c) >= 0), s);
            assertTrue(seen.add(s), "repeated " + s);
        }
        assertEquals(0, r.remaining());
        assertThrows(IllegalStateException.class, r::next);
    }

    @Test
    void smallSpaceIsExhaustedWithoutRepeats() {
        // 2 codes among 10^5 possibilities; drawing both from a tiny space shows the retry on collision
        RandomSerials r = new RandomSerials("01", 15, 3, new Random(1L));
        assertEquals(3, Set.of(r.next(), r.next(), r.next()).size());
    }

    @Test
    void guessableSettingsAreRefusedWithTheNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RandomSerials(Uscc.ALPHABET, 6, 100_000, new Random(1L)));
        assertEquals("random serials: 100,000 codes among 31^6 = 887,503,681 possibilities give a guessing"
                + " probability of 0.000113, above the limit 1/10,000; use a longer length or a larger alphabet",
                e.getMessage());
        // exactly 1/10,000 is allowed
        new RandomSerials("0123456789", 8, 10_000);
        assertThrows(IllegalArgumentException.class, () -> new RandomSerials("0123456789", 8, 10_001));
        assertThrows(IllegalArgumentException.class, () -> new RandomSerials("0012", 20, 1));
        assertEquals(1e-4, RandomSerials.guessingProbability(10, 8, 10_000), 1e-12);
    }
}
