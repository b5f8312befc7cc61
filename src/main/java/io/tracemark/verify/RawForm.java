package io.tracemark.verify;

import io.tracemark.codes.ApplicationIdentifiers;
import io.tracemark.codes.ElementString;
import io.tracemark.core.TracemarkException;
import java.util.List;
import java.util.OptionalInt;

/**
 * The raw data of an expected element string, as a GS1 symbol carries it, when that data reads back
 * as the same element string. Most element strings are seen to read back from their values alone,
 * without parsing the data again (one unit's expectation is built per label); the others are parsed.
 */
final class RawForm {

    private RawForm() {
    }

    /**
     * {@code expected.toRaw(GS)} when it parses back to the same elements (in any order), else null.
     * Without a parse when every element surely reads back: {@code parseRaw} takes, at the start of an
     * element, the shortest known AI there ({@code ApplicationIdentifiers}: GS1 AIs are prefix-free),
     * which is the element's own AI when it is known and no shorter prefix of it is; then a value of
     * predefined length ({@link ApplicationIdentifiers#predefinedValueLength}) of exactly that length,
     * or a variable value up to the GS that {@code toRaw} writes after it (or the end), which is the
     * whole value when it holds no GS and is not empty. Otherwise as {@link #parsed}.
     */
    static String of(ElementString expected) {
        return readsBack(expected) ? expected.toRaw(ElementString.GS) : parsed(expected);
    }

    /** {@code expected.toRaw(GS)} when {@code parseRaw} reads it back as the same elements (in any order), else null. */
    static String parsed(ElementString expected) {
        String raw = expected.toRaw(ElementString.GS);
        try {
            ElementString back = ElementString.parseRaw(raw, ElementString.GS);
            return Elements.same(back.elements(), expected.elements())
                    || Elements.same(Elements.sorted(back), Elements.sorted(expected)) ? raw : null;
        } catch (TracemarkException notReadable) {
            return null;
        }
    }

    /** Whether {@code es} surely reads back from its raw form (see {@link #of}). */
    static boolean readsBack(ElementString es) {
        List<ElementString.Element> elements = es.elements();
        if (elements.isEmpty()) {
            return false;
        }
        for (int i = 0; i < elements.size(); i++) {
            ElementString.Element e = elements.get(i);
            if (!foundAsItself(e.ai())) {
                return false;
            }
            OptionalInt predefined = ApplicationIdentifiers.predefinedValueLength(e.ai());
            boolean whole = predefined.isPresent() ? e.value().length() == predefined.getAsInt()
                    : !e.value().isEmpty() && e.value().indexOf(ElementString.GS) < 0;
            if (!whole) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code ai} is known and no shorter start of it is (so a parser finds it where it starts). */
    private static boolean foundAsItself(String ai) {
        if (ai.length() < 2 || ai.length() > 4 || ApplicationIdentifiers.find(ai).isEmpty()) {
            return false;
        }
        for (int length = 2; length < ai.length(); length++) {
            if (ApplicationIdentifiers.find(ai.substring(0, length)).isPresent()) {
                return false;
            }
        }
        return true;
    }
}
