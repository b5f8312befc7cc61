package io.tracemark.codes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ecode} scheme: the IoT entity code Ecode of GB/T 31866-2015 物联网标识体系 物品编码Ecode,
 * {@code V + NSI + MD}: a version digit, the numbering system identifier (编码体系标识) and the
 * master data code (主码), in the versions a station prints:
 * <pre>
 *   version  V    NSI            MD                          total     characters
 *   V1       "1"  4 digits       up to 20 digits             up to 25  decimal digits
 *   V2       "2"  4 digits       up to 28 digits             up to 33  decimal digits
 *   V3       "3"  5 digits       up to 39 characters         up to 45  digits and capital letters
 * </pre>
 * The normative text was not available while writing this: the table follows the structure as
 * described in secondary sources on GB/T 31866-2015 (and GB/T 38662-2020). V4 (variable-length
 * Unicode) and the V0 GS1-compatibility version of GB/T 31866-2023 are not accepted. Detection
 * offers an Ecode reading only for V1 of exactly 25 digits, V2 of exactly 33 digits, and V3 codes
 * that contain a capital letter, so that GTINs and other digit strings are not misread.
 */
public record EcodeScheme() implements CodeScheme {

    private record Version(char digit, int nsiLength, int maxMd, boolean alphanumeric) {
        int maxTotal() {
            return 1 + nsiLength + maxMd;
        }
    }

    private static final List<Version> VERSIONS = List.of(
            new Version('1', 4, 20, false),
            new Version('2', 4, 28, false),
            new Version('3', 5, 39, true));

    @Override
    public String name() {
        return "ecode";
    }

    @Override
    public Verdict validate(String code) {
        Version v = code.isEmpty() ? null
                : VERSIONS.stream().filter(x -> x.digit() == code.charAt(0)).findFirst().orElse(null);
        if (v == null) {
            return Verdict.invalid(name(), List.of("version '" + (code.isEmpty() ? "" : code.substring(0, 1))
                    + "' is not V1, V2 or V3 (first character 1, 2 or 3)"), Map.of());
        }
        List<String> problems = new ArrayList<>();
        int bad = firstInvalid(code, v.alphanumeric());
        if (bad >= 0) {
            problems.add("character '" + code.charAt(bad) + "' at position " + (bad + 1) + " is not allowed in V"
                    + v.digit() + " (" + (v.alphanumeric() ? "digits and capital letters" : "decimal digits") + ")");
        }
        if (code.length() < 1 + v.nsiLength() + 1) {
            problems.add("V" + v.digit() + " needs the version, a " + v.nsiLength()
                    + "-digit NSI and at least one MD character; got " + code.length() + " characters");
        } else if (code.length() > v.maxTotal()) {
            problems.add("V" + v.digit() + " is at most " + v.maxTotal() + " characters (MD up to " + v.maxMd()
                    + "), not " + code.length());
        }
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("version", "V" + v.digit());
        if (code.length() > 1 + v.nsiLength()) {
            String nsi = code.substring(1, 1 + v.nsiLength());
            if (!Gs1CheckDigit.isDigits(nsi)) {
                problems.add("NSI " + nsi + " must be " + v.nsiLength() + " digits");
            }
            parts.put("nsi", nsi);
            parts.put("masterData", code.substring(1 + v.nsiLength()));
        }
        return Verdict.of(name(), problems, List.of(), parts);
    }

    @Override
    public boolean fits(String code) {
        if (code.isEmpty()) {
            return false;
        }
        return switch (code.charAt(0)) {
            case '1' -> code.length() == 25 && Gs1CheckDigit.isDigits(code);
            case '2' -> code.length() == 33 && Gs1CheckDigit.isDigits(code);
            case '3' -> code.length() >= 7 && code.length() <= 45 && firstInvalid(code, true) < 0
                    && code.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
            default -> false;
        };
    }

    private static int firstInvalid(String code, boolean alphanumeric) {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (alphanumeric && c >= 'A' && c <= 'Z');
            if (!ok) {
                return i;
            }
        }
        return -1;
    }
}
