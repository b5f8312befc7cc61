package io.tracemark.codes;

import io.tracemark.codes.ElementString.Element;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reading the bracketed and raw forms of an element string (syntax only). */
final class ElementStringSyntax {

    private static final String WHAT = "GS1 element string";
    private static final List<String> SYMBOLOGY_IDS = List.of("]d2", "]C1", "]Q3", "]e0", "]J1");

    private ElementStringSyntax() {
    }

    static ElementString parseBracketed(String text) {
        if (text.isEmpty()) {
            throw refuse("", "is empty");
        }
        List<Element> elements = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '(') {
                throw refuse("position " + (i + 1), "expected '(' to open an AI, found '" + text.charAt(i) + "'");
            }
            int close = text.indexOf(')', i);
            if (close < 0) {
                throw refuse("position " + (i + 1), "'(' is never closed");
            }
            String ai = text.substring(i + 1, close);
            if (ai.length() < 2 || ai.length() > 4 || !Gs1CheckDigit.isDigits(ai)) {
                throw refuse("position " + (i + 1), "'(" + ai + ")' is not an AI of 2 to 4 digits");
            }
            StringBuilder value = new StringBuilder();
            int j = close + 1;
            while (j < text.length() && text.charAt(j) != '(') {
                if (text.charAt(j) == '\\' && j + 1 < text.length() && text.charAt(j + 1) == '(') {
                    j++;
                }
                value.append(text.charAt(j));
                j++;
            }
            if (value.length() == 0) {
                throw refuse("(" + ai + ")", "has no value");
            }
            elements.add(new Element(ai, value.toString()));
            i = j;
        }
        return new ElementString(elements);
    }

    static ElementString parseRaw(String data, char separator) {
        int i = skipPrefix(data, separator);
        if (i >= data.length()) {
            throw refuse("", "holds no data");
        }
        List<Element> elements = new ArrayList<>();
        while (i < data.length()) {
            Optional<ApplicationIdentifier> known = ApplicationIdentifiers.startingAt(data, i);
            if (known.isEmpty()) {
                throw refuse("position " + (i + 1), "no known AI starts at '" + excerpt(data, i) + "'");
            }
            String ai = known.get().ai();
            int start = i + ai.length();
            OptionalInt predefined = ApplicationIdentifiers.predefinedValueLength(ai);
            int end;
            if (predefined.isPresent()) {
                end = start + predefined.getAsInt();
                if (end > data.length()) {
                    throw refuse("(" + ai + ")", "needs " + predefined.getAsInt() + " characters, only "
                            + (data.length() - start) + " left");
                }
            } else {
                int sep = data.indexOf(separator, start);
                end = sep < 0 ? data.length() : sep;
            }
            String value = data.substring(start, end);
            if (value.isEmpty()) {
                throw refuse("(" + ai + ")", "has no value");
            }
            elements.add(new Element(ai, value));
            i = end < data.length() && data.charAt(end) == separator ? end + 1 : end;
        }
        return new ElementString(elements);
    }

    private static int skipPrefix(String data, char separator) {
        int i = 0;
        for (String id : SYMBOLOGY_IDS) {
            if (data.startsWith(id)) {
                i = id.length();
                break;
            }
        }
        if (i < data.length() && data.charAt(i) == separator) {
            i++;
        }
        return i;
    }

    private static String excerpt(String data, int from) {
        String rest = data.substring(from, Math.min(data.length(), from + 8));
        return rest.replace("\u001D", "<GS>");
    }

    private static InvalidInputException refuse(String where, String message) {
        return new InvalidInputException(WHAT, List.of(new Problem(where, message)));
    }
}
