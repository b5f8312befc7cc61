package io.tracemark.codes;

import java.util.List;
import java.util.Optional;

/**
 * One GS1 Application Identifier as the GS1 Barcode Syntax Dictionary describes it (format,
 * linters, association rules, Digital Link role). Built only by {@link SyntaxDictionary}.
 *
 * @param ai              the AI digits, e.g. {@code 01}
 * @param title           the data title, e.g. {@code GTIN}
 * @param predefinedLength flag {@code *}: fixed length, no FNC1 separator after the value
 * @param dataAttribute   flag {@code ?}: may stand in a Digital Link query string
 * @param components      the value's components in order
 * @param requires        every {@code req=} attribute: each is a list of alternatives, each alternative
 *                        the AIs (or patterns such as {@code 31nn}) that must all be present
 * @param excludes        the AIs or patterns of every {@code ex=} attribute
 * @param keyQualifiers   for a Digital Link primary key ({@code dlpkey}), its alternative qualifier
 *                        sequences (possibly one empty sequence); empty when not a primary key
 */
public record ApplicationIdentifier(String ai, String title, boolean predefinedLength, boolean dataAttribute,
                                    List<AiComponent> components, List<List<List<String>>> requires,
                                    List<String> excludes, Optional<List<List<String>>> keyQualifiers) {

    public ApplicationIdentifier {
        components = List.copyOf(components);
        requires = List.copyOf(requires);
        excludes = List.copyOf(excludes);
    }

    /** Shortest value: the mandatory components' minimum lengths. */
    public int minLength() {
        int sum = 0;
        for (int i = 0; i < components.size(); i++) { // a loop, not a stream: every value check of a label asks
            AiComponent c = components.get(i);
            sum += c.optional() ? 0 : c.minLength();
        }
        return sum;
    }

    /** Longest value. */
    public int maxLength() {
        int sum = 0;
        for (int i = 0; i < components.size(); i++) {
            sum += components.get(i).maxLength();
        }
        return sum;
    }

    /** Whether the value always has the same length. */
    public boolean fixedLength() {
        return minLength() == maxLength();
    }

    /** The dictionary's format notation, e.g. {@code N14}, {@code X..20} or {@code N3 X..9}. */
    public String format() {
        return String.join(" ", components.stream().map(c -> c.optional() ? "[" + c.format() + "]" : c.format())
                .toList());
    }

    /** Whether this AI may be the primary key of a GS1 Digital Link URI. */
    public boolean primaryKey() {
        return keyQualifiers.isPresent();
    }

    /** Every problem with {@code value} under this AI (format, then each linter); empty when it is valid. */
    public List<String> problems(String value) {
        return AiValueCheck.problems(this, value);
    }
}
