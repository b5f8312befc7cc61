package io.tracemark.label;

import io.tracemark.core.TracemarkException;
import java.io.IOException;
import java.nio.file.Files;

/** The {@code ~DY} command that downloads the host's CJK TrueType font to a printer (ASCII hex). */
final class CjkFontDownload {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CjkFontDownload() {
    }

    /** {@code ~DYE:NAME,A,T,<bytes>,,<hex>} for a font to be used as {@code fontName} (e.g. {@code E:TMCJK.TTF}). */
    static String command(LabelFonts fonts, String fontName) {
        byte[] data;
        try {
            data = Files.readAllBytes(fonts.cjkFontPath());
        } catch (IOException e) {
            throw new TracemarkException("cannot read font " + fonts.cjkFontPath() + ": " + e.getMessage(), e);
        }
        String base = fontName.endsWith(".TTF") ? fontName.substring(0, fontName.length() - 4) : fontName;
        StringBuilder out = new StringBuilder(data.length * 2 + 64);
        out.append("~DY").append(base).append(",A,T,").append(data.length).append(",,");
        for (byte b : data) {
            out.append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
        }
        return out.toString();
    }
}
