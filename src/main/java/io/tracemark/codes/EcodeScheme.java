package io.tracemark.codes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ecode} scheme: the IoT entity code Ecode of GB/T 31866 物联网标识体系 物品编码Ecode
 * (2015 edition, replaced by GB/T 31866-2023 in force since 2023-12-01), {@code V + NSI + MD}: the
 * version (版本 V), the numbering scheme identifier (编码方案标识 NSI) and the master data code
 * (主码 MD), in the versions a station prints:
 * <pre>
 *   version  V    NSI            MD                          total     characters
 *   V1       "1"  4 digits       up to 20 digits             up to 25  decimal digits
 *   V2       "2"  4 digits       up to 28 digits             up to 33  decimal digits
 *   V3       "3"  5 digits       up to 39 characters         up to 45  digits and capital letters
 * </pre>
 * Sources, checked 2026-12: the symbols V, NSI "numbering scheme identifier", MD "master data
 * code" and the versions Ecode-V0 to V3 are those of the national draft "物联网标识体系 Ecode在一维条码中的
 * 存储" (征求意见稿, clauses 4 and 5, https://renrendoc.com/paper/336406085.html), which also says
 * that Ecode-V0 exists for compatibility with GS1 and is carried without V and NSI, i.e. as the GS1
 * code itself; GB/T 31866-2023 reserves V0 for GS1 compatibility (report of the revision,
 * http://xinkuanba.com/qualitymana/detail/id/24384.html). The normative text of GB/T 31866 (sold
 * by SAC) was not available: the NSI and MD lengths above follow secondary descriptions of the
 * standard and are not yet checked against it. Searched again 2026-12-01 (documentation, web-page
 * and code corpora, Chinese and English queries on 编码方案标识/主码 lengths per version): only the
 * catalogue entry of GB/T 31866-2023 (https://www.chinesestandard.net/PDF/English.aspx/GBT31866-2023:
 * sold, about 16,000 words, no tables shown), a preview of its cover and preface
 * (https://renrendoc.com/paper/279036144.html, no code structure) and the draft above (which
 * defines V, NSI and MD but leaves their lengths to GB/T 31866) came up; no normative text, no
 * published Ecode with its NSI and no open implementation. The lengths therefore remain those of
 * the secondary descriptions, and this is a known gap, not a verified rule. So V0 is validated under the {@code gs1} and
 * {@code gtin} schemes, and V4 (variable-length Unicode) is not accepted. Detection offers an Ecode
 * reading only for V1 of exactly 25 digits, V2 of exactly 33 digits, and V3 codes that contain a
 * capital letter, so that GTINs and other digit strings are not misread.
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
                    + "' is not V1, V2 or V3 (first character 1, 2 or 3); an Ecode-V0 is a GS1 code written without"
                    + " V and NSI (GB/T 31866-2023): validate it under gs1 or gtin"), Map.of());
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
