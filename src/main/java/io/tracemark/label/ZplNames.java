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

    /** The object name without drive and extension: {@code R:ITEM.ZPL} gives {@code ITEM}. */
    static String baseName(String normalized) {
        String n = normalized.length() > 1 && normalized.charAt(1) == ':' ? normalized.substring(2) : normalized;
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
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
