package io.tracemark.printer;

import java.nio.charset.StandardCharsets;

/**
 * The {@code ~DY} download of a TrueType font. ZPL II guide, ~DY Download Objects:
 * {@code ~DYd:f,b,x,t,w,data} with b = A ("uncompressed (ZB64, ASCII)": ASCII hex, safe on serial
 * lines with XON/XOFF), x = T ("TrueType (.TTF) or OpenType (.OTF)"; a TrueType Collection is neither)
 * and t = "the actual size of the file".
 */
final class FontDownload {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private FontDownload() {
    }

    /**
     * The command bytes for {@code font}.
     *
     * @throws IllegalArgumentException when {@code ttf} is not a TrueType or OpenType font (a collection, say)
     */
    static byte[] command(PrinterFont font, byte[] ttf) {
        if (!isSingleFont(ttf)) {
            throw new IllegalArgumentException(font.name() + ": ~DY takes a TrueType or OpenType font, and these "
                    + ttf.length + " bytes are not one (a .ttc collection must be split first)");
        }
        byte[] head = ("~DY" + font.drive() + font.baseName() + ",A,T," + ttf.length + ",,")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + ttf.length * 2];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = 0; i < ttf.length; i++) {
            out[head.length + 2 * i] = HEX[(ttf[i] >> 4) & 15];
            out[head.length + 2 * i + 1] = HEX[ttf[i] & 15];
        }
        return out;
    }

    /** Whether the bytes start like an sfnt font: version 1.0 TrueType, {@code true}, or {@code OTTO}. */
    static boolean isSingleFont(byte[] data) {
        if (data.length < 12) {
            return false;
        }
        String tag = new String(data, 0, 4, StandardCharsets.ISO_8859_1);
        return tag.equals("\u0000\u0001\u0000\u0000") || tag.equals("true") || tag.equals("OTTO");
    }
}
