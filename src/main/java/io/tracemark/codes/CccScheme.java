package io.tracemark.codes;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ccc} scheme: China Compulsory Certification (CCC) certificate numbers as printed on
 * CQC and other certification bodies' certificates, 16 digits, e.g. {@code 2021010901234567}:
 * <pre>
 *   1-4    year of issue            2021  (CCC started in 2002, so 2002 .. latestYear)
 *   5-6    certification body code  01    (01 = CQC, 中国质量认证中心; never 00)
 *   7-10   product category         0901  (2-digit category of the CCC catalogue, e.g. 09
 *                                          information technology equipment, + 2-digit subcategory)
 *   11-16  sequence number          234567
 * </pre>
 * Sources, checked 2026-12: no normative text on the certificate number was found (the CNCA
 * implementation rules and the 全国认证认可信息公共服务平台 publish certificates, not the numbering);
 * the structure above is the one that published certificates show and that independent
 * descriptions agree on, with the same example layout (2016010901123456: year 2016, 01 = 中国质量认证中心,
 * 0901 = 信息技术设备 / 微型计算机, sequence 123456): http://edu.xhlnet.com/zhiye/15798.html,
 * http://economy.scgqt.org.cn/economy/2022/1125/103895.html,
 * https://www.shumaav.com/shumabaike/znsb/53555.html. There is no check digit, so a well-formed
 * number can still be unknown to the issuer: only the certification body's register (queried on
 * that platform) proves a certificate. tracemark validates the shape, the year range and that body
 * and category codes are not zero.
 *
 * @param latestYear the last year accepted (normally the current year + 1)
 */
public record CccScheme(int latestYear) implements CodeScheme {

    /** The first year CCC certificates were issued. */
    public static final int FIRST_YEAR = 2002;

    /** The scheme accepting years up to next year. */
    public static CccScheme current() {
        return new CccScheme(Year.now().getValue() + 1);
    }

    @Override
    public String name() {
        return "ccc";
    }

    @Override
    public Verdict validate(String code) {
        List<String> problems = new ArrayList<>();
        if (code.length() != 16) {
            problems.add("a CCC certificate number has 16 digits, not " + code.length());
        }
        if (!Gs1CheckDigit.isDigits(code)) {
            problems.add("a CCC certificate number holds digits only");
        }
        if (!problems.isEmpty()) {
            return Verdict.invalid(name(), problems, Map.of());
        }
        int year = Integer.parseInt(code.substring(0, 4));
        if (year < FIRST_YEAR || year > latestYear) {
            problems.add("year " + year + " is outside " + FIRST_YEAR + ".." + latestYear);
        }
        if (code.startsWith("00", 4)) {
            problems.add("certification body code 00 is not assigned");
        }
        if (code.startsWith("00", 6)) {
            problems.add("product category 00 is not assigned");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("year", code.substring(0, 4));
        parts.put("certificationBody", code.substring(4, 6));
        parts.put("productCategory", code.substring(6, 10));
        parts.put("sequence", code.substring(10));
        return Verdict.of(name(), problems, List.of(), parts);
    }

    @Override
    public boolean fits(String code) {
        return code.length() == 16 && Gs1CheckDigit.isDigits(code);
    }
}
