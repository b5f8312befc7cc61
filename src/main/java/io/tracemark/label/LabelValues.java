package io.tracemark.label;

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
    private static final Map<String, Object> NONE = Collections.emptyMap();

    /**
     * The values these overlay (a job's, when these are one unit's), never itself an overlay: a
     * unit's values are not copied from the job's for every label.
     */
    private final Map<String, Object> base;
    /** The values set or derived here; they hide the same names in {@link #base}. */
    private final Map<String, Object> own;

    private LabelValues(Map<String, Object> base, Map<String, Object> own) {
        this.base = base;
        this.own = own;
    }

    /** No values. */
    public static LabelValues empty() {
        return new LabelValues(NONE, NONE);
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
        List<Problem> problems = null;
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : more.entrySet()) {
            if (e.getKey().startsWith("_") || e.getValue() == null) {
                continue;
            }
            TemplateField field = TemplateField.find(e.getKey()).orElse(null);
            if (field == null) {
                problems = problems == null ? new ArrayList<>() : problems;
                problems.add(new Problem(e.getKey(), "unknown field; known: " + TemplateField.catalogNames()));
                continue;
            }
            try {
                typed.put(e.getKey(), convert(field.type(), e.getValue()));
            } catch (RuntimeException ex) {
                problems = problems == null ? new ArrayList<>() : problems;
                problems.add(new Problem(e.getKey(), ex.getMessage()));
            }
        }
        if (problems != null) {
            throw new InvalidInputException("label values", problems);
        }
        return overlaid(typed);
    }

    /** These values overlaid with another set. */
    public LabelValues with(LabelValues more) {
        return overlaid(new LinkedHashMap<>(more.asMap()));
    }

    /** These values (flattened) under {@code typed}, with what derives from the whole. */
    private LabelValues overlaid(Map<String, Object> typed) {
        Map<String, Object> under = asMap();
        Derivation.derive(under, typed);
        return under.isEmpty() ? new LabelValues(Collections.unmodifiableMap(typed), NONE) : new LabelValues(under, typed);
    }

    /** These values without {@code names} (nothing is derived again). */
    public LabelValues without(java.util.Collection<String> names) {
        Map<String, Object> rest = new LinkedHashMap<>(asMap());
        rest.keySet().removeAll(names);
        return new LabelValues(Collections.unmodifiableMap(rest), NONE);
    }

    /** The typed value of {@code name}, if present. */
    public Optional<Object> get(String name) {
        Object v = own.get(name);
        return Optional.ofNullable(v != null ? v : base.get(name));
    }

    /** Every typed value by field name (those overlaid in place, the others after them in the order they came). */
    public Map<String, Object> asMap() {
        if (own.isEmpty()) {
            return base;
        }
        Map<String, Object> all = new LinkedHashMap<>(base);
        all.putAll(own);
        return Collections.unmodifiableMap(all);
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

    static LocalDate parseDate(String s) {
        try {
            return s.length() == 6 ? LocalDate.parse(s, GS1_DATE) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s + "' is not a date (yyyy-MM-dd or GS1 yyMMdd)");
        }
    }
}
