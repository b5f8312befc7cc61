package io.tracemark.codes;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Application Identifiers tracemark knows: every AI of the GS1 Barcode Syntax Dictionary
 * ({@link SyntaxDictionary}), and the GS1 table of predefined lengths (GenSpecs Figure 7.8.5-2)
 * that decides where a separator is needed.
 */
public final class ApplicationIdentifiers {

    /** Value lengths (after the AI) of the AI prefixes with a predefined length. */
    private static final Map<String, Integer> PREDEFINED = predefined();

    private ApplicationIdentifiers() {
    }

    /** The AI {@code ai} (e.g. {@code "17"}), if the syntax dictionary assigns it. */
    public static Optional<ApplicationIdentifier> find(String ai) {
        return SyntaxDictionary.find(ai);
    }

    /** Every known AI, in ascending order. */
    public static Collection<ApplicationIdentifier> all() {
        return SyntaxDictionary.all();
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

    /** The known AI that starts {@code data} at {@code offset}, if any (GS1 AIs are prefix-free). */
    static Optional<ApplicationIdentifier> startingAt(String data, int offset) {
        for (int length = 2; length <= 4 && offset + length <= data.length(); length++) {
            Optional<ApplicationIdentifier> ai = find(data.substring(offset, offset + length));
            if (ai.isPresent()) {
                return ai;
            }
        }
        return Optional.empty();
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
