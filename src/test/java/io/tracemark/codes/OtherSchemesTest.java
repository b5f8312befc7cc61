package io.tracemark.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtherSchemesTest {

    @Test
    void cccNumberParts() {
        CccScheme ccc = new CccScheme(2026);
        Verdict v = ccc.validate("2021010901234567");
        assertTrue(v.valid(), v.reason());
        assertEquals(Map.of("year", "2021", "certificationBody", "01", "productCategory", "0901",
                "sequence", "234567"), v.parts());
        assertEquals("invalid: year 2027 is outside 2002..2026", ccc.validate("2027010901234567").reason());
        assertEquals("invalid: year 2001 is outside 2002..2026; certification body code 00 is not assigned",
                ccc.validate("2001000901234567").reason());
        assertEquals("invalid: a CCC certificate number has 16 digits, not 15; a CCC certificate number holds"
                + " digits only", ccc.validate("20210109O123456").reason());
        assertTrue(CccScheme.current().latestYear() >= 2026);
    }

    @Test
    void ecodeVersions() {
        EcodeScheme ecode = new EcodeScheme();
        String v1 = "1" + "0001" + "12345678901234567890";
        Verdict v = ecode.validate(v1);
        assertTrue(v.valid(), v.reason());
        assertEquals(Map.of("version", "V1", "nsi", "0001", "masterData", "12345678901234567890"), v.parts());
        assertTrue(ecode.fits(v1));
        assertEquals("invalid: V1 is at most 25 characters (MD up to 20), not 26", ecode.validate(v1 + "1").reason());
        assertEquals("invalid: character 'A' at position 6 is not allowed in V1 (decimal digits)",
                ecode.validate("10001A2345").reason());
        assertTrue(ecode.validate("2" + "1234" + "1".repeat(28)).valid());
        assertFalse(ecode.validate("2" + "1234" + "1".repeat(29)).valid());
        Verdict v3 = ecode.validate("3" + "00001" + "ABC123XYZ");
        assertTrue(v3.valid(), v3.reason());
        assertEquals("ABC123XYZ", v3.parts().get("masterData"));
        assertFalse(ecode.validate("3" + "0000A" + "ABC").valid());
        assertFalse(ecode.validate("3" + "00001" + "A".repeat(40)).valid());
        assertEquals("invalid: version '4' is not V1, V2 or V3 (first character 1, 2 or 3); an Ecode-V0 is a GS1 code"
                + " written without V and NSI (GB/T 31866-2023): validate it under gs1 or gtin",
                ecode.validate("40001123").reason());
        assertFalse(ecode.validate("").valid());
        assertFalse(ecode.fits("6901234567892"), "a GTIN is not offered as an Ecode");
    }

    @Test
    void opaqueSchemeFromConfiguration() {
        OpaqueScheme zhisu = OpaqueScheme.of("zhisu", "ZS[0-9A-F]{16}", 18);
        assertTrue(zhisu.validate("ZS0123456789ABCDEF").valid());
        assertEquals("invalid: does not match the pattern ZS[0-9A-F]{16} of scheme zhisu",
                zhisu.validate("ZS0123").reason());
        OpaqueScheme loose = OpaqueScheme.of("did", "[A-Z0-9]+", 4);
        assertEquals("invalid: longer than 4 characters (5)", loose.validate("ABCDE").reason());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpaqueScheme.of("x", "[", 0));
        assertTrue(e.getMessage().startsWith("opaque scheme x: pattern [ does not compile"), e.getMessage());
    }

    @Test
    void gs1KeySchemes() {
        Verdict gtin = Gs1KeyScheme.GTIN.validate("6901234567892");
        assertEquals(Map.of("format", "GTIN-13", "gtin14", "06901234567892", "checkDigit", "2"), gtin.parts());
        assertEquals("invalid: check digit should be 2", Gs1KeyScheme.GTIN.validate("06912345678904").reason());
        assertEquals("7", Gs1KeyScheme.SSCC.validate("106141411234567897").parts().get("checkDigit"));
        assertEquals("invalid: GLN must be 13 digits, not 12", Gs1KeyScheme.GLN.validate("061414100003").reason());
    }

    @Test
    void detectReportsEveryReading() {
        CodeSchemes schemes = CodeSchemes.withOpaque(List.of(OpaqueScheme.of("zhisu", "ZS[0-9A-F]{16}")));
        List<Verdict> sscc = schemes.detect("106141411234567897");
        assertEquals(List.of("sscc", "uscc"), sscc.stream().map(Verdict::scheme).toList());
        assertTrue(sscc.get(0).valid());
        List<Verdict> thirteen = schemes.detect("0614141000036");
        assertEquals(List.of("gtin", "gln"), thirteen.stream().map(Verdict::scheme).toList());
        assertEquals(List.of("uscc"), names(schemes.detect("91350100M000100Y43")));
        assertEquals(List.of("gs1"), names(schemes.detect("(01)06912345678902(10)L1")));
        assertEquals(List.of("gs1", "ccc"), names(schemes.detect("0106912345678902")));
        assertEquals(List.of("digital-link"), names(schemes.detect("https://id.example.cn/01/06912345678902")));
        List<Verdict> zhisu = schemes.detect("ZS0123456789ABCDEF");
        assertEquals(List.of("uscc", "zhisu"), names(zhisu));
        assertFalse(zhisu.get(0).valid(), "Z and S are not in the USCC alphabet");
        assertTrue(zhisu.get(1).valid());
        assertEquals(List.of("ecode"), names(schemes.detect("1000112345678901234567890")));
        Verdict unknown = schemes.detect("hello").get(0);
        assertEquals(CodeSchemes.UNKNOWN, unknown.scheme());
        assertFalse(unknown.valid());
    }

    @Test
    void schemesByName() {
        CodeSchemes schemes = CodeSchemes.standard();
        assertEquals(List.of("gtin", "sscc", "gln", "gs1", "digital-link", "uscc", "ccc", "ecode"), schemes.names());
        assertEquals("uscc", schemes.byName("uscc").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> schemes.byName("qr"));
        assertTrue(e.getMessage().startsWith("unknown code scheme 'qr'; known: gtin, sscc"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CodeSchemes.withOpaque(List.of(OpaqueScheme.of("gtin", ".*"))));
    }

    private static List<String> names(List<Verdict> verdicts) {
        return verdicts.stream().map(Verdict::scheme).toList();
    }
}
