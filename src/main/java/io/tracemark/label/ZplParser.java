package io.tracemark.label;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a ZPL stream into commands. Carriage returns and line feeds are ignored everywhere (as
 * printers do); text between commands that is not whitespace is reported by {@link ZplLinter}.
 * Every command name is two characters except {@code ^A} (followed by its font letter) and
 * {@code ^A@}. The prefixes are fixed at {@code ^} and {@code ~}: {@code ^CC}/{@code ^CT} are
 * refused by the linter rather than interpreted.
 */
public final class ZplParser {

    /** Commands without parameters: text after them is stray text, reported on its own line. */
    private static final java.util.Set<String> NO_PARAMS = java.util.Set.of("XA", "XZ", "FS", "FR");

    private ZplParser() {
    }

    /** Parses a whole stream; text before the first prefix is returned as a {@code stray} entry. */
    public static List<ZplCommand> parse(String zpl) {
        List<ZplCommand> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = zpl.length();
        StringBuilder stray = new StringBuilder();
        int strayLine = 1;
        while (i < n) {
            char c = zpl.charAt(i);
            if (c != '^' && c != '~') {
                if (c == '\n') {
                    line++;
                } else if (c != '\r' && !Character.isWhitespace(c)) {
                    if (stray.length() == 0) {
                        strayLine = line;
                    }
                    stray.append(c);
                }
                i++;
                continue;
            }
            if (stray.length() > 0) {
                out.add(new ZplCommand(' ', "", stray.toString(), strayLine));
                stray.setLength(0);
            }
            int startLine = line;
            int nameStart = i + 1;
            int nameLen = nameLength(zpl, nameStart);
            String name = zpl.substring(nameStart, Math.min(n, nameStart + nameLen)).toUpperCase();
            int j = nameStart + nameLen;
            StringBuilder params = new StringBuilder();
            boolean noParams = NO_PARAMS.contains(name);
            while (!noParams && j < n && zpl.charAt(j) != '^' && zpl.charAt(j) != '~') {
                char p = zpl.charAt(j);
                if (p == '\n') {
                    line++;
                } else if (p != '\r') {
                    params.append(p);
                }
                j++;
            }
            out.add(new ZplCommand(c, name, params.toString(), startLine));
            i = j;
        }
        if (stray.length() > 0) {
            out.add(new ZplCommand(' ', "", stray.toString(), strayLine));
        }
        return out;
    }

    private static int nameLength(String zpl, int at) {
        if (at >= zpl.length()) {
            return 0;
        }
        char first = Character.toUpperCase(zpl.charAt(at));
        if (first == 'A') {
            return at + 1 < zpl.length() && zpl.charAt(at + 1) == '@' ? 2 : 1;
        }
        return Math.min(2, zpl.length() - at);
    }
}
