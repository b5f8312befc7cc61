package io.tracemark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.codes.ElementString;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The raw form seen to read back without a parse is always the one a parse finds to read back. */
class RawFormTest {

    private static final String GS = String.valueOf(ElementString.GS);

    @Test
    void theUsualCodesReadBackAndTheirRawFormIsTheSymbolsData() {
        ElementString es = ElementString.parse("(01)06901234567892(10)L1(21)A7K2");
        assertEquals("010690123456789210L1" + GS + "21A7K2", RawForm.of(es));
        assertEquals(RawForm.parsed(es), RawForm.of(es));
    }

    @Test
    void aValueThatDoesNotReadBackHasNoRawForm() {
        assertNull(RawForm.of(ElementString.of("01", "0690123456789", "21", "X")), "GTIN one digit short");
        assertNull(RawForm.of(ElementString.of("10", "A" + GS + "21B")), "a GS inside a value");
        assertNull(RawForm.of(ElementString.of("99", "")), "an empty value");
        assertNull(RawForm.of(ElementString.of("04", "123")), "an unknown AI");
    }

    @Test
    void randomElementStringsGetTheRawFormTheParseGives() {
        Random random = new Random(3);
        List<String> ais = List.of("00", "01", "02", "10", "11", "17", "21", "22", "240", "3103", "3922", "410", "422",
                "7003", "8200", "8003", "90", "91", "99", "04", "23", "2", "12345", "31", "421");
        String chars = "0123456789ABCxyz-/()" + GS;
        int withRaw = 0;
        int seen = 0;
        for (int n = 0; n < 20000; n++) {
            List<ElementString.Element> elements = new ArrayList<>();
            int count = random.nextInt(5);
            for (int k = 0; k < count; k++) {
                String ai = ais.get(random.nextInt(ais.size()));
                StringBuilder value = new StringBuilder();
                int length = random.nextInt(4) == 0 ? random.nextInt(22) : List.of(14, 18, 6, 8, 20).get(random.nextInt(5));
                for (int c = 0; c < length; c++) {
                    char ch = chars.charAt(random.nextInt(chars.length()));
                    value.append(ch == ElementString.GS && random.nextInt(4) != 0 ? '7' : ch);
                }
                elements.add(new ElementString.Element(ai, value.toString()));
            }
            ElementString es = new ElementString(elements);
            String reference = RawForm.parsed(es);
            assertEquals(reference, RawForm.of(es), es.elements().toString());
            withRaw += reference == null ? 0 : 1;
            seen += RawForm.readsBack(es) ? 1 : 0;
        }
        assertTrue(withRaw > 1000 && withRaw < 19000, withRaw + " of 20000 read back: both sides tested");
        assertTrue(seen > 500, seen + " of " + withRaw + " seen to read back without a parse");
    }
}
