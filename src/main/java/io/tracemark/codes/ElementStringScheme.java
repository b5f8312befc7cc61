package io.tracemark.codes;

import io.tracemark.codes.ElementString.Element;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code gs1} scheme: a GS1 element string in bracketed form, or raw barcode data with GS
 * separators (optionally led by a symbology identifier such as {@code ]d2}).
 */
public record ElementStringScheme() implements CodeScheme {

    @Override
    public String name() {
        return "gs1";
    }

    @Override
    public Verdict validate(String code) {
        ElementString es;
        try {
            es = ElementString.parse(code);
        } catch (InvalidInputException e) {
            return Verdict.invalid(name(), e.problems().stream().map(Problem::toString).toList(), Map.of());
        }
        return verdict(name(), es);
    }

    static Verdict verdict(String scheme, ElementString es) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (Element e : es.elements()) {
            parts.putIfAbsent("(" + e.ai() + ")", e.value());
        }
        parts.put("bracketed", es.toBracketed());
        List<String> problems = es.validate().stream().map(Problem::toString).toList();
        return Verdict.of(scheme, problems, List.of(), parts);
    }

    /**
     * Bracketed text, text carrying a symbology identifier or a GS, or digits that read as an
     * element string starting with (00), (01) or (02).
     */
    @Override
    public boolean fits(String code) {
        if (code.startsWith("(") || code.startsWith("]") || code.indexOf(ElementString.GS) >= 0) {
            return true;
        }
        if (!(code.startsWith("00") || code.startsWith("01") || code.startsWith("02"))) {
            return false;
        }
        try {
            return !ElementString.parseRaw(code, ElementString.GS).elements().isEmpty();
        } catch (InvalidInputException e) {
            return false;
        }
    }
}
