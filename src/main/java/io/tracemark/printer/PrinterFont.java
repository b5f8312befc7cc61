package io.tracemark.printer;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A TrueType font the printer must hold before the first label (the CJK font of profiles whose
 * {@code cjkFont.mode} is {@code download}). The driver looks for {@link #name()} in the printer's
 * directory ({@code ^HW}) and downloads it ({@code ~DY}) only when it is missing.
 *
 * @param name the printer's object name, e.g. {@code E:TMCJK.TTF}
 * @param ttf  the font file (a TrueType font, not a collection), read only when a download is needed
 */
public record PrinterFont(String name, Supplier<byte[]> ttf) {

    public PrinterFont {
        Objects.requireNonNull(ttf, "ttf");
        if (name == null || !name.matches("[REBA]:[A-Z0-9_-]{1,16}\\.TTF")) {
            throw new IllegalArgumentException("a printer font name looks like E:TMCJK.TTF, got '" + name + "'");
        }
    }

    /** The drive, e.g. {@code E:}. */
    String drive() {
        return name.substring(0, 2);
    }

    /** The object name without drive and extension, e.g. {@code TMCJK}. */
    String baseName() {
        return name.substring(2, name.length() - 4);
    }
}
