package io.tracemark.codes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unified social credit code 统一社会信用代码 of GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capital letters without I, O, Z, S, V):
 * <pre>
 *   1      registration authority 登记管理部门码 (e.g. 9 = market regulation 工商)
 *   2      organisation type 机构类别码 (meaning depends on the authority, e.g. 91 = enterprise)
 *   3-8    administrative division 登记管理机关行政区划码 (GB/T 2260)
 *   9-17   organisation code 主体标识码 (GB 11714, 8 characters + its own mod-11 check character)
 *   18     check character 校验码: 31 - (Σ value·weight mod 31), 31 becoming 0
 * </pre>
 */
public final class Uscc {

    /** The 31 characters, in the order of their values 0..30. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private static final Map<Character, String> AUTHORITIES = Map.ofEntries(
            Map.entry('1', "机构编制 (state commission for public sector reform)"),
            Map.entry('2', "外交 (foreign affairs)"),
            Map.entry('3', "司法行政 (justice)"),
            Map.entry('4', "文化 (culture)"),
            Map.entry('5', "民政 (civil affairs)"),
            Map.entry('6', "旅游 (tourism)"),
            Map.entry('7', "宗教 (religious affairs)"),
            Map.entry('8', "工会 (trade unions)"),
            Map.entry('9', "工商 (market regulation)"),
            Map.entry('A', "中央军委改革和编制办公室 (military)"),
            Map.entry('N', "农业 (agriculture)"),
            Map.entry('Y', "其他 (other)"));

    /** GB 32100-2015 table of organisation types per registration authority (positions 1-2). */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("11", "机关 (government organ)"),
            Map.entry("12", "事业单位 (public institution)"),
            Map.entry("13", "中央编办直接管理机构编制的群众团体 (mass organisation)"),
            Map.entry("19", "其他 (other)"),
            Map.entry("21", "外国常驻新闻机构 (foreign news agency office)"),
            Map.entry("29", "其他 (other)"),
            Map.entry("31", "律师执业机构 (law firm)"),
            Map.entry("32", "公证处 (notary office)"),
            Map.entry("33", "基层法律服务所 (legal service office)"),
            Map.entry("34", "司法鉴定机构 (forensic institution)"),
            Map.entry("35", "仲裁委员会 (arbitration commission)"),
            Map.entry("39", "其他 (other)"),
            Map.entry("41", "外国在华文化中心 (foreign cultural centre)"),
            Map.entry("49", "其他 (other)"),
            Map.entry("51", "社会团体 (social organisation)"),
            Map.entry("52", "民办非企业单位 (private non-enterprise unit)"),
            Map.entry("53", "基金会 (foundation)"),
            Map.entry("59", "其他 (other)"),
            Map.entry("61", "外国旅游部门常驻代表机构 (foreign tourism office)"),
            Map.entry("62", "港澳台地区旅游部门常驻内地（大陆）代表机构 (HK/Macao/Taiwan tourism office)"),
            Map.entry("69", "其他 (other)"),
            Map.entry("71", "宗教活动场所 (place of religious activity)"),
            Map.entry("72", "宗教院校 (religious college)"),
            Map.entry("79", "其他 (other)"),
            Map.entry("81", "基层工会 (grassroots trade union)"),
            Map.entry("89", "其他 (other)"),
            Map.entry("91", "企业 (enterprise)"),
            Map.entry("92", "个体工商户 (individual business)"),
            Map.entry("93", "农民专业合作社 (farmers' cooperative)"),
            Map.entry("A1", "军队事业单位 (military public institution)"),
            Map.entry("A9", "其他 (other)"),
            Map.entry("N1", "组级集体经济组织 (group-level collective)"),
            Map.entry("N2", "村级集体经济组织 (village-level collective)"),
            Map.entry("N3", "乡镇级集体经济组织 (township-level collective)"),
            Map.entry("N9", "其他 (other)"),
            Map.entry("Y1", "其他 (other)"));

    private Uscc() {
    }

    /**
     * The check character for the first 17 characters of a USCC.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of the alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("USCC check: need 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("USCC check: '" + first17.charAt(i) + "' is not in the alphabet");
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /**
     * The GB 11714 check character of an 8-character organisation code body (digits and capital
     * letters, A=10 … Z=35): 11 - (Σ value·weight mod 11), 10 becoming X and 11 becoming 0.
     */
    public static char orgCodeCheckCharacter(String first8) {
        if (first8.length() != 8) {
            throw new IllegalArgumentException("organisation code check: need 8 characters, got " + first8.length());
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int value = Character.digit(first8.charAt(i), 36);
            if (value < 0 || Character.isLowerCase(first8.charAt(i))) {
                throw new IllegalArgumentException("organisation code check: '" + first8.charAt(i)
                        + "' is not a digit or capital letter");
            }
            sum += value * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** Shape problems (length and alphabet); empty when the check characters can be computed. */
    static List<String> shapeProblems(String code) {
        List<String> problems = new ArrayList<>();
        if (code.length() != 18) {
            problems.add("a USCC has 18 characters, not " + code.length());
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                problems.add("character '" + code.charAt(i) + "' at position " + (i + 1)
                        + " is not in the USCC alphabet (0-9 and capitals without I, O, Z, S, V)");
                break;
            }
        }
        return problems;
    }

    static Optional<String> authorityName(char c) {
        return Optional.ofNullable(AUTHORITIES.get(c));
    }

    static Optional<String> typeName(String authorityAndType) {
        return Optional.ofNullable(TYPES.get(authorityAndType));
    }
}
