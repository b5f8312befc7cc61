package io.tracemark.platform.reference;

import java.util.List;

/**
 * Masks a company name for consumers (guideline 5.3.4.4): the first two characters and the legal
 * form stay, the rest becomes {@code ***}, e.g. 广州市越秀电器有限公司 → 广州***有限公司.
 */
final class NameMask {

    private static final List<String> FORMS = List.of("股份有限公司", "有限责任公司", "有限公司", "集团公司",
            "公司", "工厂", "厂", " Co., Ltd.", " Ltd.", " Ltd", " Inc.", " GmbH");

    private NameMask() {
    }

    static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String n = name.strip();
        String form = FORMS.stream().filter(n::endsWith).findFirst().orElse("");
        int keep = Math.min(2, Math.max(0, n.length() - form.length() - 1));
        return n.substring(0, Math.max(1, keep)) + "***" + form;
    }
}
