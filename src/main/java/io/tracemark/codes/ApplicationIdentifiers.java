package io.tracemark.codes;

import static io.tracemark.codes.CharacterSet.CSET82;
import static io.tracemark.codes.CharacterSet.NUMERIC;

import io.tracemark.codes.ApplicationIdentifier.ValueRule;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The table of Application Identifiers tracemark knows (those used for traceability), and the GS1
 * table of predefined lengths (GenSpecs Figure 7.8.5-2) that decides where a separator is needed.
 */
public final class ApplicationIdentifiers {

    private static final Map<String, ApplicationIdentifier> TABLE = build();

    /** Value lengths (after the AI) of the AI prefixes with a predefined length. */
    private static final Map<String, Integer> PREDEFINED = predefined();

    private ApplicationIdentifiers() {
    }

    /** The AI {@code ai} (e.g. {@code "17"}), if tracemark knows it. */
    public static Optional<ApplicationIdentifier> find(String ai) {
        return Optional.ofNullable(TABLE.get(ai));
    }

    /** Every known AI, in ascending order. */
    public static Collection<ApplicationIdentifier> all() {
        return Collections.unmodifiableCollection(TABLE.values());
    }

    /**
     * The value length fixed by the GS1 table of predefined lengths for {@code ai} (by its first two
     * digits: 00-04, 11-20, 31-36, 41), or empty when the value must be ended by a separator
     * unless it is last.
     */
    public static OptionalInt predefinedValueLength(String ai) {
        if (ai.length() < 2) {
            return OptionalInt.empty();
        }
        Integer total = PREDEFINED.get(ai.substring(0, 2));
        return total == null ? OptionalInt.empty() : OptionalInt.of(total - ai.length());
    }

    /** The known AI that starts {@code data} at {@code offset}, if any. */
    static Optional<ApplicationIdentifier> startingAt(String data, int offset) {
        for (int length = 2; length <= 4 && offset + length <= data.length(); length++) {
            ApplicationIdentifier ai = TABLE.get(data.substring(offset, offset + length));
            if (ai != null) {
                return Optional.of(ai);
            }
        }
        return Optional.empty();
    }

    private static Map<String, ApplicationIdentifier> build() {
        Map<String, ApplicationIdentifier> t = new LinkedHashMap<>();
        put(t, "00", "SSCC", 18, 18, NUMERIC, ValueRule.CHECK_DIGIT);
        put(t, "01", "GTIN", 14, 14, NUMERIC, ValueRule.CHECK_DIGIT);
        put(t, "02", "CONTENT", 14, 14, NUMERIC, ValueRule.CHECK_DIGIT);
        put(t, "10", "BATCH/LOT", 1, 20, CSET82, ValueRule.NONE);
        put(t, "11", "PROD DATE", 6, 6, NUMERIC, ValueRule.DATE);
        put(t, "12", "DUE DATE", 6, 6, NUMERIC, ValueRule.DATE);
        put(t, "13", "PACK DATE", 6, 6, NUMERIC, ValueRule.DATE);
        put(t, "15", "BEST BEFORE or BEST BY", 6, 6, NUMERIC, ValueRule.DATE);
        put(t, "16", "SELL BY", 6, 6, NUMERIC, ValueRule.DATE);
        put(t, "17", "USE BY OR EXPIRY", 6, 6, NUMERIC, ValueRule.DATE);
        put(t, "20", "VARIANT", 2, 2, NUMERIC, ValueRule.NONE);
        put(t, "21", "SERIAL", 1, 20, CSET82, ValueRule.NONE);
        put(t, "22", "CPV", 1, 20, CSET82, ValueRule.NONE);
        put(t, "30", "VAR. COUNT", 1, 8, NUMERIC, ValueRule.NONE);
        put(t, "37", "COUNT", 1, 8, NUMERIC, ValueRule.NONE);
        for (int ai = 90; ai <= 99; ai++) {
            put(t, String.valueOf(ai), "INTERNAL", 1, ai == 90 ? 30 : 90, CSET82, ValueRule.NONE);
        }
        put(t, "240", "ADDITIONAL ID", 1, 30, CSET82, ValueRule.NONE);
        put(t, "241", "CUST. PART No.", 1, 30, CSET82, ValueRule.NONE);
        put(t, "250", "SECONDARY SERIAL", 1, 30, CSET82, ValueRule.NONE);
        put(t, "251", "REF. TO SOURCE", 1, 30, CSET82, ValueRule.NONE);
        put(t, "254", "GLN EXTENSION COMPONENT", 1, 20, CSET82, ValueRule.NONE);
        put(t, "400", "ORDER NUMBER", 1, 30, CSET82, ValueRule.NONE);
        put(t, "401", "GINC", 1, 30, CSET82, ValueRule.NONE);
        put(t, "402", "GSIN", 17, 17, NUMERIC, ValueRule.CHECK_DIGIT);
        String[] glnTitles = {"SHIP TO LOC", "BILL TO", "PURCHASE FROM", "SHIP FOR LOC", "LOC No.", "PAY TO",
            "PROD/SERV LOC", "PARTY"};
        for (int i = 0; i < glnTitles.length; i++) {
            put(t, String.valueOf(410 + i), glnTitles[i], 13, 13, NUMERIC, ValueRule.CHECK_DIGIT);
        }
        put(t, "422", "ORIGIN", 3, 3, NUMERIC, ValueRule.COUNTRY);
        put(t, "7003", "EXPIRY TIME", 10, 10, NUMERIC, ValueRule.DATE_TIME);
        put(t, "8006", "ITIP", 18, 18, NUMERIC, ValueRule.ITIP);
        put(t, "8200", "PRODUCT URL", 1, 70, CSET82, ValueRule.NONE);
        Map<String, ApplicationIdentifier> sorted = new LinkedHashMap<>();
        t.keySet().stream().sorted().forEach(k -> sorted.put(k, t.get(k)));
        return Collections.unmodifiableMap(sorted);
    }

    private static void put(Map<String, ApplicationIdentifier> t, String ai, String title, int min, int max,
                            CharacterSet charset, ValueRule rule) {
        t.put(ai, new ApplicationIdentifier(ai, title, min, max, charset, rule));
    }

    private static Map<String, Integer> predefined() {
        Map<String, Integer> p = new LinkedHashMap<>();
        p.put("00", 20);
        p.put("01", 16);
        p.put("02", 16);
        p.put("03", 16);
        p.put("04", 18);
        for (int prefix = 11; prefix <= 19; prefix++) {
            p.put(String.valueOf(prefix), 8);
        }
        p.put("20", 4);
        for (int prefix = 31; prefix <= 36; prefix++) {
            p.put(String.valueOf(prefix), 10);
        }
        p.put("41", 16);
        return Collections.unmodifiableMap(p);
    }
}
