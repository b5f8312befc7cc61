package io.tracemark.codes;

import java.util.List;

/**
 * One component of an AI's value in the GS1 Barcode Syntax Dictionary, e.g. {@code N3,iso3166} or
 * {@code [X..17]}: its character set, length and the linters its content must pass.
 *
 * @param charset   {@code N} digits, {@code X} CSET 82, {@code Y} CSET 39, {@code Z} CSET 64 (base64url)
 * @param minLength shortest (1 for variable-length components)
 * @param maxLength longest
 * @param optional  whether the component may be left out when the value ends before it
 * @param linters   names of the syntax tests (linters) in the dictionary's order
 */
public record AiComponent(char charset, int minLength, int maxLength, boolean optional, List<String> linters) {

    public AiComponent {
        linters = List.copyOf(linters);
    }

    /** Parses {@code N..20}, {@code [N6],yymmdd}, {@code X..30,gcppos1}. */
    static AiComponent parse(String text) {
        String[] parts = text.split(",");
        String type = parts[0];
        boolean optional = type.startsWith("[");
        if (optional) {
            type = type.substring(1, type.length() - 1);
        }
        char charset = type.charAt(0);
        boolean variable = type.startsWith("..", 1);
        int length = Integer.parseInt(type.substring(variable ? 3 : 1));
        return new AiComponent(charset, variable ? 1 : length, length, optional,
                List.of(parts).subList(1, parts.length));
    }

    /** Whether the length is fixed. */
    public boolean fixedLength() {
        return minLength == maxLength;
    }

    /** The dictionary's notation without linters, e.g. {@code N..20}. */
    public String format() {
        return charset + (fixedLength() ? "" : "..") + maxLength;
    }
}
