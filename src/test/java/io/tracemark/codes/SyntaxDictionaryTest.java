package io.tracemark.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The GS1 Barcode Syntax Dictionary drives the AI table; the rules hard-coded before still hold. */
class SyntaxDictionaryTest {

    @Test
    void everyAiOfTheDictionaryFileIsKnownAndEveryLinterItNamesIsImplemented() throws IOException {
        String text;
        try (InputStream in = SyntaxDictionary.class.getResourceAsStream(SyntaxDictionary.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher entry = Pattern.compile("(?m)^(\\d{2,4})(?:-(\\d{2,4}))?\\s").matcher(text);
        int count = 0;
        while (entry.find()) {
            int from = Integer.parseInt(entry.group(1));
            int to = entry.group(2) == null ? from : Integer.parseInt(entry.group(2));
            for (int n = from; n <= to; n++) {
                String ai = String.format("%0" + entry.group(1).length() + "d", n);
                assertTrue(ApplicationIdentifiers.find(ai).isPresent(), ai);
                count++;
            }
        }
        assertEquals(count, ApplicationIdentifiers.all().size());
        assertTrue(count > 500, "the whole dictionary, not a hand-picked list: " + count);
        for (ApplicationIdentifier ai : ApplicationIdentifiers.all()) {
            for (AiComponent c : ai.components()) {
                c.linters().forEach(l -> assertTrue(Gs1Linters.known(l), ai.ai() + " names linter " + l));
            }
        }
        assertTrue(text.contains("Licensed under the Apache License, Version 2.0"), "licence kept in the file");
    }

    @Test
    void theFormatsHardCodedBeforeStillHold() {
        Map<String, String> before = Map.ofEntries(Map.entry("00", "N18"), Map.entry("01", "N14"), Map.entry("02", "N14"),
                Map.entry("10", "X..20"), Map.entry("11", "N6"), Map.entry("17", "N6"), Map.entry("20", "N2"),
                Map.entry("21", "X..20"), Map.entry("22", "X..20"), Map.entry("30", "N..8"), Map.entry("37", "N..8"),
                Map.entry("90", "X..30"), Map.entry("91", "X..90"), Map.entry("99", "X..90"), Map.entry("240", "X..30"),
                Map.entry("250", "X..30"), Map.entry("254", "X..20"), Map.entry("400", "X..30"),
                Map.entry("401", "X..30"), Map.entry("402", "N17"), Map.entry("410", "N13"), Map.entry("417", "N13"),
                Map.entry("422", "N3"), Map.entry("7003", "N6 N4"), Map.entry("8006", "N14 N4"),
                Map.entry("8200", "X..70"));
        before.forEach((ai, format) -> assertEquals(format, ApplicationIdentifiers.find(ai).orElseThrow().format(), ai));
        for (ApplicationIdentifier ai : ApplicationIdentifiers.all()) {
            assertEquals(ai.predefinedLength(), ApplicationIdentifiers.predefinedValueLength(ai.ai()).isPresent(),
                    "flag * agrees with GenSpecs Figure 7.8.5-2 for " + ai.ai());
            if (ai.predefinedLength()) {
                assertEquals(ai.maxLength(), ApplicationIdentifiers.predefinedValueLength(ai.ai()).getAsInt(), ai.ai());
            }
        }
        assertTrue(valid("(01)06901234567892(17)271231(10)L1(21)ABC"));
        // the pairing rules hard-coded before: an AI without any of these keys is still refused
        Map<String, String> sample = Map.of("02", "06901234567892", "10", "L1", "11", "271231", "13", "271231",
                "15", "271231", "16", "271231", "17", "271231", "21", "S1", "22", "V1", "250", "SEC1");
        Map<String, List<String>> requiredBefore = Map.of("02", List.of("37"), "10", List.of("01", "02", "8006"),
                "11", List.of("01", "02", "8006"), "13", List.of("01", "02", "8006"), "15", List.of("01", "02", "8006"),
                "16", List.of("01", "02", "8006"), "17", List.of("01", "02", "8006"), "21", List.of("01", "8006"),
                "22", List.of("01"), "250", List.of("01", "8006"));
        requiredBefore.forEach((ai, keys) -> assertTrue(problems("(" + ai + ")" + sample.get(ai)).stream()
                .anyMatch(p -> p.startsWith("(" + ai + "): needs") && keys.stream().allMatch(k -> p.contains("(" + k + ")"))),
                ai + " still needs one of " + keys));
        assertTrue(problems("(414)0614141000036(254)EXT1").isEmpty());
        assertTrue(problems("(254)EXT1").contains("(254): needs (414) in the same element string"));
        assertTrue(problems("(7003)2712311530").get(0).startsWith("(7003): needs (01) or (02)"));
        assertTrue(problems("(01)06901234567892(02)06901234567892").containsAll(List.of(
                "(02): may not appear together with (01)", "(02): needs (37) in the same element string")));
    }

    @Test
    void associationRulesOfTheIssue() {
        assertEquals(List.of("(250): needs (01) with (21) or (03) with (21) or (8006) with (21) in the same element string"),
                problems("(01)06901234567892(250)SEC1"));
        assertTrue(valid("(01)06901234567892(21)S1(250)SEC1"));
        for (String ai : List.of("20", "240", "241", "422")) {
            String value = ai.equals("20") ? "01" : ai.equals("422") ? "156" : "X1";
            List<String> p = problems("(00)106141411234567897(" + ai + ")" + value);
            assertTrue(p.get(0).startsWith("(" + ai + "): needs (01) or (02) or (03) or (8006)"), p.toString());
            assertTrue(valid("(01)06901234567892(" + ai + ")" + value), ai);
        }
        assertEquals(List.of("(30): needs (01) or (02) in the same element string"), problems("(00)106141411234567897(30)5"));
        assertEquals(List.of("(37): needs (00) with (02) or (00) with (8026) in the same element string"),
                problems("(02)06901234567892(37)5"));
        assertTrue(valid("(00)106141411234567897(02)06901234567892(37)5"));
        assertEquals(List.of("(251): needs (01) or (03) or (8006) in the same element string"), problems("(251)SRC"));
        assertEquals(List.of("(8200): needs (01) in the same element string"), problems("(8200)https://example.cn"));
        assertEquals(List.of("(01): may not appear together with (37)"), problems("(00)106141411234567897(01)06901234567892(37)5")
                .stream().filter(s -> s.contains("may not")).toList());
        assertTrue(problems("(8006)069012345678920102(01)06901234567892")
                .contains("(8006): may not appear together with (01)"));
        assertTrue(problems("(00)106141411234567897(8006)069012345678920102(37)2")
                .contains("(8006): may not appear together with (37)"));
        assertTrue(problems("(01)06901234567892(422)156(426)156").contains("(422): may not appear together with (426)"));
        assertTrue(problems("(01)06901234567892(3103)000500(3103)000500").isEmpty(), "identical repeat");
        assertEquals(List.of("(3103): may not appear together with (3102)"),
                problems("(01)06901234567892(3103)000500(3102)005000"), "ex=310n: one net weight");
    }

    @Test
    void repeatsWithIdenticalValuesAreOneAiAndDifferentValuesAreRefused() {
        assertTrue(valid("(400)PO123(400)PO123"));
        assertEquals(List.of("(400): appears twice with different values 'PO123' and 'PO124'"),
                problems("(400)PO123(400)PO124"));
    }

    @Test
    void theLintersCatchWhatTheyNameWithTheGenSpecsExamples() {
        assertEquals(List.of("(401): 'XYZ123' must start with a GS1 Company Prefix (digits) at position 1,"
                + " found 'X' at position 1"), problems("(401)XYZ123"));
        assertTrue(valid("(401)0614141ABC"));
        // GS1 General Specifications 7.9.5: GMN 1987654Ad4X4bL5ttr2310c with check pair 2K
        assertEquals("2K", AlphanumericCheckPair.compute("1987654Ad4X4bL5ttr2310c"));
        assertTrue(valid("(8013)1987654Ad4X4bL5ttr2310c2K"));
        assertEquals(List.of("(8013): check character pair should be 2K"), problems("(8013)1987654Ad4X4bL5ttr2310c2L"));
        assertLint("3912", "97812345", "00112345", "is not an ISO 4217 numeric currency code");
        assertLint("4307", "CN", "XX", "is not an ISO 3166-1 alpha-2 country code");
        assertLint("4300", "ACME%20Co", "ACME%2", "broken percent-encoding");
        assertLint("4321", "1", "2", "must be 0 (no) or 1 (yes)");
        assertLint("4330", "001234-", "001234+", "must be '-'");
        assertLint("4309", "18000000003600000000", "18000000013600000000", "latitude");
        assertLint("4309", "00000000003600000000", "00000000003600000001", "longitude");
        assertLint("7040", "1AB-", "1AB!", "is not an importer index");
        assertLint("7041", "BX", "QQQ", "is not a package type code");
        assertLint("7241", "80", "11", "is not an AIDC media type");
        assertLint("7250", "20240229", "20230229", "day 29 in date 20230229 is not 01-28");
        assertLint("7250", "21000228", "21000229", "is not 01-28");
        assertLint("7252", "9", "3", "ISO/IEC 5218");
        assertLint("7258", "1/2", "3/2", "is after the end");
        assertLint("7258", "1/2", "0/2", "is not a position in a sequence");
        assertLint("8001", "00100050002011", "00100050002051", "winding direction");
        assertLint("8001", "00100050002011", "00000050002011", "must not be zero");
        assertLint("8003", "00614141000036", "10614141000036", "must be 0");
        assertLint("8007", "GB82WEST12345698765432", "GB83WEST12345698765432", "fails its mod-97 check");
        assertLint("8008", "24123123", "24123124", "hour 24 is not 00-23");
        assertLint("8008", "2412312359", "2412312360", "minute 60 is not 00-59");
        assertLint("8008", "241231235959", "241231235960", "second 60 is not 00-59");
        assertLint("8011", "123", "0123", "must not start with 0");
        assertLint("8010", "0614141AB#-/", "0614141ab", "is not in GS1 AI encodable character set 39");
        assertLint("8030", "AbC-_9", "AbC-_*", "character set 64");
        assertLint("11", "271200", "271232", "day 32");
        assertLint("7006", "271231", "271200", "day 00");
        assertLint("423", "156276", "1562", "needs 3 characters, only 1 left");
        assertLint("423", "156276", "156999", "is not an ISO 3166-1 numeric");
        assertLint("7030", "999ABC", "998ABC", "neither an ISO 3166-1 numeric country code nor 999");
        assertEquals(java.util.Optional.of("12345 must contain a character other than a digit"),
                Gs1Linters.lint("hasnondigit", "12345"));
    }

    @Test
    void northAmericanCouponsFollowTheirVariableLengthIndicators() {
        String coupon = "0614141" + "123456" + "250" + "11" + "0" + "123";
        assertLint("8110", coupon, coupon + "7", "excess data '7'");
        assertLint("8110", coupon + "3271231", coupon + "3271232", "expiration date: day 32");
        assertLint("8110", coupon + "3271231" + "4270101", coupon + "3270101" + "4271231", "is after the expiration date");
        assertLint("8110", coupon + "1" + "2" + "15" + "0" + "456" + "9", coupon + "1" + "4", "additional purchase rules code '4'");
        assertLint("8110", coupon + "9" + "0" + "1" + "0" + "1", "7614141123456250110123", "company prefix length indicator '7'");
        assertLint("8112", "0" + "0614141" + "123456" + "0123456", "2" + "0614141" + "123456" + "0123456", "format code '2'");
        assertLint("8112", "0" + "0614141" + "123456" + "0123456", "0" + "0614141" + "123456" + "012345", "serial number needs 6");
    }

    @Test
    void digitalLinkExamplesOfTheDictionaryHeader() {
        String base = "https://id.example.cn/01/06901234567892";
        assertTrue(dl(base + "/22/V1/10/L1/21/S1"));
        assertTrue(dl(base + "/22/V1/21/S1"));
        assertTrue(dl(base + "/10/L1"));
        assertFalse(dl(base + "/10/L1/22/V1"), "bad order");
        assertTrue(dl(base + "/235/TPX1"), "235, the alternative qualifier of 01");
        assertFalse(dl(base + "/22/V1/10/L1/235/TPX1"), "don't mix the alternatives");
    }

    @Test
    void digitalLinkRulesOfTheIssue() {
        assertTrue(dl("https://id.example.cn/414/0614141000036/7040/1AB-"), "7040 qualifies 414");
        assertTrue(dl("https://id.example.cn/417/0614141000036/7040/1AB-"), "7040 qualifies 417");
        assertTrue(dl("https://id.example.cn/401/0614141ABC"), "401 is a primary key");
        assertEquals("(01)06901234567892(3103)000500(17)271231",
                DigitalLink.parse("https://id.example.cn/01/06901234567892?3103=000500&17=271231").toBracketed());
        assertEquals("(01)06901234567892(21)S1",
                DigitalLink.parse("https://example.com/some/path/01/06901234567892/21/S1").toBracketed());
        assertFalse(dl("https://id.example.cn/01/6901234567892"), "GTIN-13 in the path");
        assertFalse(dl("https://id.example.cn/01/901234567892"), "GTIN-12 in the path");
        assertFalse(dl("HTTPS://id.example.cn/01/06901234567892"), "upper-case scheme");
        assertEquals(List.of("query: (254) may not be a Digital Link data attribute"),
                dlProblems("https://id.example.cn/01/06901234567892?254=X"));
        String built = DigitalLink.build(ElementString.parse("(01)06901234567892(235)TPX1(17)271231"), "https://id.example.cn");
        assertEquals("https://id.example.cn/01/06901234567892/235/TPX1?17=271231", built);
    }

    private static void assertLint(String ai, String good, String bad, String expected) {
        ApplicationIdentifier def = ApplicationIdentifiers.find(ai).orElseThrow();
        assertEquals(List.of(), def.problems(good), ai + " " + good);
        List<String> p = def.problems(bad);
        assertEquals(1, p.size(), ai + " " + bad + ": " + p);
        assertTrue(p.get(0).contains(expected), ai + " " + bad + ": " + p);
    }

    private static boolean valid(String bracketed) {
        return problems(bracketed).isEmpty();
    }

    private static List<String> problems(String bracketed) {
        return ElementString.parseBracketed(bracketed).validate().stream().map(Problem::toString).toList();
    }

    private static boolean dl(String uri) {
        return dlProblems(uri).isEmpty();
    }

    private static List<String> dlProblems(String uri) {
        try {
            DigitalLink.parse(uri);
            return List.of();
        } catch (io.tracemark.core.InvalidInputException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }
}
