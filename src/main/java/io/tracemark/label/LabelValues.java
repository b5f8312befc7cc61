package io.tracemark.label;

import io.tracemark.codes.DigitalLink;
import io.tracemark.codes.ElementString;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values merged into a label, typed by {@link TemplateField#CATALOG}: text as {@link String},
 * dates as {@link LocalDate} (from {@code yyyy-MM-dd} or GS1 {@code yyMMdd}), GS1 data as
 * {@link ElementString} (from the bracketed or raw form), whole numbers as {@link Long}.
 * Fields missing but derivable are derived: from {@code gs1} the {@code gtin} (01), {@code sscc}
 * (00), {@code batch} (10), {@code serial} (21), {@code productionDate} (11) and {@code expiryDate}
 * (17); {@code digitalLink} from {@code gs1} and {@code digitalLinkBase}; {@code gs1} from a
 * {@code code} written in bracketed form. Immutable.
 */
public final class LabelValues {

    private static final DateTimeFormatter GS1_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private final Map<String, Object> values;

    private LabelValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** No values. */
    public static LabelValues empty() {
        return new LabelValues(new LinkedHashMap<>());
    }

    /**
     * Types and derives {@code raw}. Keys starting with {@code _} are comments and ignored.
     *
     * @throws InvalidInputException listing every unknown field and every value of the wrong type
     */
    public static LabelValues of(Map<String, ?> raw) {
        return empty().with(raw);
    }

    /** These values overlaid with {@code more} (e.g. job values, then one unit's values), re-derived. */
    public LabelValues with(Map<String, ?> more) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> typed = new LinkedHashMap<>(values);
        for (Map.Entry<String, ?> e : more.entrySet()) {
            if (e.getKey().startsWith("_") || e.getValue() == null) {
                continue;
            }
            Optional<TemplateField> field = TemplateField.find(e.getKey());
            if (field.isEmpty()) {
                problems.add(new Problem(e.getKey(), "unknown field; known: " + TemplateField.catalogNames()));
                continue;
            }
            try {
                typed.put(e.getKey(), convert(field.get().type(), e.getValue()));
            } catch (RuntimeException ex) {
                problems.add(new Problem(e.getKey(), ex.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("label values", problems);
        }
        derive(typed);
        return new LabelValues(typed);
    }

    /** These values overlaid with another set. */
    public LabelValues with(LabelValues more) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(more.values);
        derive(merged);
        return new LabelValues(merged);
    }

    /** These values without {@code names} (nothing is derived again). */
    public LabelValues without(java.util.Collection<String> names) {
        Map<String, Object> rest = new LinkedHashMap<>(values);
        rest.keySet().removeAll(names);
        return new LabelValues(rest);
    }

    /** The typed value of {@code name}, if present. */
    public Optional<Object> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Every typed value by field name. */
    public Map<String, Object> asMap() {
        return values;
    }

    private static Object convert(FieldType type, Object v) {
        return switch (type) {
            case TEXT, URL -> v.toString();
            case INT -> {
                if (v instanceof Number n) {
                    yield n.longValue();
                }
                try {
                    yield Long.parseLong(v.toString().trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + v + "' is not a whole number");
                }
            }
            case DATE -> v instanceof LocalDate d ? d : parseDate(v.toString().trim());
            case GS1 -> v instanceof ElementString es ? es : ElementString.parse(v.toString().trim());
        };
    }

    private static LocalDate parseDate(String s) {
        try {
            return s.length() == 6 ? LocalDate.parse(s, GS1_DATE) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s + "' is not a date (yyyy-MM-dd or GS1 yyMMdd)");
        }
    }

    private static void derive(Map<String, Object> v) {
        if (!v.containsKey("gs1") && v.get("code") instanceof String code && code.startsWith("(")) {
            v.put("gs1", ElementString.parseBracketed(code));
        }
        if (v.get("gs1") instanceof ElementString gs1) {
            gs1.get("01").ifPresent(x -> v.putIfAbsent("gtin", x));
            gs1.get("00").ifPresent(x -> v.putIfAbsent("sscc", x));
            gs1.get("10").ifPresent(x -> v.putIfAbsent("batch", x));
            gs1.get("21").ifPresent(x -> v.putIfAbsent("serial", x));
            gs1.get("11").ifPresent(x -> v.putIfAbsent("productionDate", parseDate(x)));
            gs1.get("17").ifPresent(x -> v.putIfAbsent("expiryDate", parseDate(x)));
            if (!v.containsKey("digitalLink") && v.get("digitalLinkBase") instanceof String base) {
                v.put("digitalLink", DigitalLink.build(gs1, base));
            }
            v.putIfAbsent("code", gs1.toBracketed());
        }
    }
}
