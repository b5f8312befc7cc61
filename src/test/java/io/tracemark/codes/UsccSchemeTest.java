package io.tracemark.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UsccSchemeTest {

    private final UsccScheme scheme = new UsccScheme();

    @Test
    void gb32100WorkedExample() {
        // GB 32100-2015 example code
        Verdict v = scheme.validate("91350100M000100Y43");
        assertTrue(v.valid());
        assertEquals("valid", v.reason());
        assertEquals(List.of(), v.warnings());
        assertEquals("9 工商 (market regulation)", v.parts().get("registrationAuthority"));
        assertEquals("1 企业 (enterprise)", v.parts().get("organisationType"));
        assertEquals("350100", v.parts().get("adminDivision"));
        assertEquals("M000100Y4", v.parts().get("organisationCode"));
        assertEquals("3", v.parts().get("checkCharacter"));
        assertEquals('3', Uscc.checkCharacter("91350100M000100Y4"));
        assertEquals('4', Uscc.orgCodeCheckCharacter("M000100Y"));
    }

    @Test
    void failedCheckCharacterIsInvalidButConfirmable() {
        Verdict v = scheme.validate("91350100M000100Y4A");
        assertFalse(v.valid());
        assertTrue(v.confirmable());
        assertEquals("invalid: check character should be 3 (some early codes were issued like this:"
                + " a person may confirm it with the registration authority)", v.reason());
        assertEquals(List.of(), v.warnings());
        assertEquals("350100", v.parts().get("adminDivision"), "the parts are still read");
        assertFalse(scheme.validate("91350100I000100Y43").confirmable(), "a shape error is never confirmable");
        assertTrue(UsccRegistration.refusal("91350100M000100Y4A", false).orElseThrow()
                .endsWith("it is accepted only once a person confirms it"));
        assertTrue(UsccRegistration.refusal("91350100M000100Y4A", true).isEmpty());
        assertTrue(UsccRegistration.refusal("91350100I000100Y43", true).isPresent());
        assertTrue(UsccRegistration.refusal("91350100M000100Y43", false).isEmpty());
    }

    @Test
    void shapeErrorsAreHardErrors() {
        assertEquals("invalid: a USCC has 18 characters, not 17", scheme.validate("91350100M000100Y4").reason());
        Verdict letterI = scheme.validate("91350100I000100Y43");
        assertFalse(letterI.valid());
        assertEquals("invalid: character 'I' at position 9 is not in the USCC alphabet"
                + " (0-9 and capitals without I, O, Z, S, V)", letterI.reason());
        assertThrows(IllegalArgumentException.class, () -> Uscc.checkCharacter("123"));
    }

    @Test
    void everySingleCharacterChangeIsCaughtByTheCheckCharacter() {
        Random random = new Random(11L);
        for (int n = 0; n < 200; n++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                body.append(Uscc.ALPHABET.charAt(random.nextInt(31)));
            }
            String code = body.toString() + Uscc.checkCharacter(body.toString());
            for (int i = 0; i < 18; i++) {
                for (char c : Uscc.ALPHABET.toCharArray()) {
                    if (c != code.charAt(i)) {
                        String changed = code.substring(0, i) + c + code.substring(i + 1);
                        assertTrue(Uscc.checkCharacter(changed.substring(0, 17)) != changed.charAt(17), changed);
                    }
                }
            }
        }
    }

    @Test
    void authorityAndTypeOutsideTheCodeTablesAreNotTheShapeOfAUscc() {
        String body = "Q1350100M000100Y4";
        Verdict v = scheme.validate(body + Uscc.checkCharacter(body));
        assertEquals("invalid: registration authority 'Q' is not in the GB 32100 code table", v.reason());
        // an SSCC read as a USCC: authority 1 has no type 0
        assertEquals("invalid: organisation type '0' is not in the GB 32100 code table for registration authority '1'",
                scheme.validate("106141411234567897").reason());
        String individual = "92440300MA5FUTDW3";
        Verdict org = scheme.validate(individual + Uscc.checkCharacter(individual));
        assertFalse(org.valid());
        assertTrue(org.confirmable());
        assertEquals("2 个体工商户 (individual business)", org.parts().get("organisationType"));
        assertTrue(org.reason().startsWith("invalid: organisation code MA5FUTDW3: GB 11714 check character should be 7"),
                org.reason());
    }
}
