package io.tracemark.codes;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A GS1 element string: an ordered list of Application Identifiers with their values, the data of
 * a GS1-128 barcode, a GS1 DataMatrix or a GS1 QR Code. Parsing checks only the syntax;
 * {@link #validate()} checks every value against the AI table.
 *
 * @param elements the elements in their order
 */
public record ElementString(List<Element> elements) {

    /** The ASCII group separator used as FNC1 in transmitted data. */
    public static final char GS = '\u001D';

    /**
     * One AI and its value.
     *
     * @param ai    the AI digits, e.g. {@code 10}
     * @param value the value, without the AI
     */
    public record Element(String ai, String value) {
        public Element {
            Objects.requireNonNull(ai, "ai");
            Objects.requireNonNull(value, "value");
        }
    }

    public ElementString {
        elements = List.copyOf(elements);
    }

    /** An element string from alternating AIs and values: {@code of("01", "0691…", "10", "L1")}. */
    public static ElementString of(String... aiThenValue) {
        if (aiThenValue.length % 2 != 0) {
            throw new IllegalArgumentException("element string: " + aiThenValue.length
                    + " arguments; expected AI and value pairs");
        }
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < aiThenValue.length; i += 2) {
            elements.add(new Element(aiThenValue[i], aiThenValue[i + 1]));
        }
        return new ElementString(elements);
    }

    /**
     * Parses the human-readable bracketed form {@code (01)06912345678904(10)L1}. A literal
     * {@code (} inside a value is written {@code \(}.
     *
     * @throws InvalidInputException listing where the syntax is broken
     */
    public static ElementString parseBracketed(String text) {
        return ElementStringSyntax.parseBracketed(text);
    }

    /**
     * Parses raw barcode data: AIs and values run together, a value of an AI without predefined
     * length ended by {@code separator} (GS, {@code \u001D}, for FNC1) unless it is last. A leading
     * symbology identifier ({@code ]d2}, {@code ]C1}, {@code ]Q3}, {@code ]e0}) or separator is
     * skipped. A separator after a predefined-length value is tolerated.
     *
     * @throws InvalidInputException naming the position where the data cannot be read
     */
    public static ElementString parseRaw(String data, char separator) {
        return ElementStringSyntax.parseRaw(data, separator);
    }

    /** Parses either form: bracketed when it starts with {@code (}, otherwise raw with GS. */
    public static ElementString parse(String text) {
        return text.startsWith("(") ? parseBracketed(text) : parseRaw(text, GS);
    }

    /** The bracketed human-readable form, {@code (01)06912345678904(10)L1}. */
    public String toBracketed() {
        StringBuilder out = new StringBuilder();
        for (Element e : elements) {
            out.append('(').append(e.ai()).append(')').append(e.value().replace("(", "\\("));
        }
        return out.toString();
    }

    /**
     * The raw data as encoded in GS1-128 or GS1 DataMatrix (without the leading FNC1): a
     * {@code separator} follows every value whose AI has no predefined length, unless it is last.
     */
    public String toRaw(char separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            out.append(e.ai()).append(e.value());
            boolean last = i == elements.size() - 1;
            if (!last && ApplicationIdentifiers.predefinedValueLength(e.ai()).isEmpty()) {
                out.append(separator);
            }
        }
        return out.toString();
    }

    /** The value of the first element with AI {@code ai}, e.g. {@code get("10")} for the batch. */
    public Optional<String> get(String ai) {
        return elements.stream().filter(e -> e.ai().equals(ai)).map(Element::value).findFirst();
    }

    /** Whether an element with AI {@code ai} is present. */
    public boolean has(String ai) {
        return get(ai).isPresent();
    }

    /** This element string with one more element at the end. */
    public ElementString with(String ai, String value) {
        List<Element> more = new ArrayList<>(elements);
        more.add(new Element(ai, value));
        return new ElementString(more);
    }

    /**
     * Every problem: unknown AIs, values of the wrong length or characters, bad check digits and
     * dates, AIs repeated or missing the key they qualify. Empty when the element string is valid.
     * Each problem's {@code where} is the AI in brackets, e.g. {@code (17)}.
     */
    public List<Problem> validate() {
        return ElementStringRules.validate(this);
    }

    /** Whether {@link #validate()} finds nothing wrong. */
    public boolean isValid() {
        return validate().isEmpty();
    }

    @Override
    public String toString() {
        return toBracketed();
    }
}
