package io.tracemark.label;

import java.util.Locale;

/** Normalizes printer object names: {@code item} becomes {@code R:ITEM.ZPL}, {@code simsun.ttf} becomes {@code E:SIMSUN.TTF}. */
final class ZplNames {

    private ZplNames() {
    }

    static String normalizeFormat(String name) {
        return normalize(name, "R:", ".ZPL");
    }

    static String normalizeFont(String name) {
        return normalize(name, "E:", ".TTF");
    }

    private static String normalize(String name, String drive, String extension) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.length() < 2 || n.charAt(1) != ':') {
            n = drive + n;
        }
        if (n.indexOf('.') < 0) {
            n = n + extension;
        }
        return n;
    }
}
