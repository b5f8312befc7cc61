package io.tracemark.label;

import io.tracemark.codes.ElementString;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a slot's value as ZPL field data that prints exactly that value: GS1 data with FNC1 as
 * the symbol requires, then everything hex-escaped for {@code ^FH_}.
 */
final class SlotEncoder {

    private static final Map<String, DateTimeFormatter> PATTERNS = new ConcurrentHashMap<>();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private final String template;
    private final Gs1Validity gs1Validity = new Gs1Validity();

    SlotEncoder(String template) {
        this.template = template;
    }

    /** The text the slot carries (before symbol encoding and escaping). */
    String text(TemplateSlot slot, LabelValues values) {
        StringBuilder sb = new StringBuilder();
        for (TemplateSlot.Piece p : slot.pieces()) {
            sb.append(p.isPlaceholder() ? render(value(p.field(), values), p.pattern()) : p.literal());
        }
        return sb.toString();
    }

    /** The escaped data for {@code ^FH_^FD…^FS}. */
    String fieldData(TemplateSlot slot, LabelValues values) {
        return switch (slot.kind()) {
            case TEXT -> {
                String text = text(slot, values);
                yield FieldHex.escape(slot.block() ? text.replace("\\", "\\\\") : text);
            }
            case DATAMATRIX -> FieldHex.escape(ascii(slot, dataMatrix(slot, values)));
            case CODE128 -> FieldHex.escape(code128(slot, values));
            case QR -> FieldHex.escape("QA," + ascii(slot, text(slot, values)));
            case EAN13 -> FieldHex.escape(ean13(slot, values));
        };
    }

    private String dataMatrix(TemplateSlot slot, LabelValues values) {
        String esc = String.valueOf(slot.escape());
        String doubled = esc + esc;
        Object v = value(slot.pieces().get(0).field(), values);
        if (v instanceof ElementString es) {
            valid(slot, es);
            return esc + "1" + es.toRaw(ElementString.GS).replace(esc, doubled).replace(String.valueOf(ElementString.GS), esc + "1");
        }
        return text(slot, values).replace(esc, doubled);
    }

    /**
     * Symbol data must be ASCII: printers put other characters into symbols as bytes without an
     * ECI, and a reader cannot know they were UTF-8.
     */
    private String ascii(TemplateSlot slot, String data) {
        for (int i = 0; i < data.length(); i++) {
            if (data.charAt(i) > 0x7F) {
                throw new InvalidInputException("template " + template, List.of(new Problem(
                        slot.pieces().get(0).field(), "symbol data must be ASCII (a reader cannot tell the "
                        + "character set of '" + SymbolPainter.printable(data) + "')")));
            }
        }
        return data;
    }

    private String code128(TemplateSlot slot, LabelValues values) {
        Object v = value(slot.pieces().get(0).field(), values);
        if (v instanceof ElementString es) {
            valid(slot, es);
            return ">;>8" + subsetC(es.toRaw(ElementString.GS));
        }
        String text = text(slot, values);
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c > 0x7E) {
                throw new InvalidInputException("template " + template, List.of(new Problem(
                        slot.pieces().get(0).field(), "Code 128 carries printable ASCII only: '" + SymbolPainter.printable(text) + "'")));
            }
        }
        return ">:" + text.replace(">", "><");
    }

    /** Code 128 data starting in subset C: digit pairs in C, everything else in B, FNC1 as {@code >8}. */
    static String subsetC(String raw) {
        StringBuilder out = new StringBuilder();
        boolean inC = true;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == ElementString.GS) {
                out.append(">8");
                i++;
                continue;
            }
            int digits = 0;
            while (i + digits < raw.length() && Character.isDigit(raw.charAt(i + digits))) {
                digits++;
            }
            if (inC && digits >= 2) {
                out.append(raw, i, i + 2);
                i += 2;
            } else if (!inC && digits >= 4 && digits % 2 == 0) {
                out.append(">5");
                inC = true;
            } else {
                if (inC) {
                    out.append(">6");
                    inC = false;
                }
                out.append(c == '>' ? "><" : String.valueOf(c));
                i++;
            }
        }
        return out.toString();
    }

    private String ean13(TemplateSlot slot, LabelValues values) {
        String digits = text(slot, values).trim();
        if (digits.length() == 14 && digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        if (!digits.matches("\\d{12,13}")) {
            throw new InvalidInputException("template " + template, List.of(new Problem(
                    slot.pieces().get(0).field(), "EAN-13 needs 12 or 13 digits, got '" + digits + "'")));
        }
        return digits;
    }

    private void valid(TemplateSlot slot, ElementString es) {
        List<Problem> problems = gs1Validity.problems(es);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("template " + template + " field {{" + slot.pieces().get(0).field()
                    + "}} " + es.toBracketed(), problems);
        }
    }

    private Object value(String field, LabelValues values) {
        return values.get(field).orElseThrow(() -> new InvalidInputException("template " + template,
                List.of(new Problem(field, "no value for {{" + field + "}}"))));
    }

    static String render(Object v, String pattern) {
        if (v instanceof LocalDate d) {
            return pattern == null ? ISO.format(d) : PATTERNS.computeIfAbsent(pattern, DateTimeFormatter::ofPattern).format(d);
        }
        if (v instanceof ElementString es) {
            return es.toBracketed();
        }
        return v.toString();
    }
}
