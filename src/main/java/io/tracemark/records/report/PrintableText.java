package io.tracemark.records.report;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Text as one font can draw it: every character it has no glyph for (and control characters) as '?'. */
final class PrintableText {

    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();

    PrintableText(PDType0Font font) {
        this.font = font;
    }

    /** {@code s} with every character the font cannot draw as '?'. */
    String of(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(drawable(cp) ? cp : '?'));
        return b.toString();
    }

    private boolean drawable(int cp) {
        if (Character.isISOControl(cp)) {
            return false;
        }
        return glyphs.computeIfAbsent(cp, c -> {
            try {
                font.encode(new String(Character.toChars(c)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }
}
