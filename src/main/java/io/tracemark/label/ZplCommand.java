package io.tracemark.label;

import java.util.ArrayList;
import java.util.List;

/**
 * One ZPL command as written: its prefix ({@code ^} format command or {@code ~} control command),
 * its name (upper case, e.g. {@code FO}, {@code A}, {@code A@}), its raw parameter text (field
 * data for {@code ^FD}; for {@code ^A} the font letter comes first) and the line it starts on.
 *
 * @param prefix     {@code '^'} or {@code '~'}
 * @param name       command name, upper case
 * @param params     raw text after the name up to the next command, CR/LF removed
 * @param line       1-based line of the prefix character in the source
 */
public record ZplCommand(char prefix, String name, String params, int line) {

    /** {@code ^FO} style key: prefix and name. */
    public String key() {
        return prefix + name;
    }

    /** Parameters split on commas; empty parameters are empty strings. */
    public List<String> args() {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= params.length(); i++) {
            if (i == params.length() || params.charAt(i) == ',') {
                out.add(params.substring(start, i).trim());
                start = i + 1;
            }
        }
        return out;
    }

    /** The i-th parameter, or {@code ""} when absent. */
    public String arg(int i) {
        List<String> args = args();
        return i < args.size() ? args.get(i) : "";
    }

    /** The i-th parameter as an integer, or {@code fallback} when absent or empty. */
    public int intArg(int i, int fallback) {
        String s = arg(i);
        if (s.isEmpty()) {
            return fallback;
        }
        try {
            return (int) Math.round(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public String toString() {
        return prefix + name + params;
    }
}
