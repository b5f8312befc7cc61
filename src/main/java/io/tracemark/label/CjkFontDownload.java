package io.tracemark.label;


/** The {@code ~DY} command that downloads the host's CJK font to a printer (ASCII hex), as TrueType: never the collection. */
final class CjkFontDownload {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CjkFontDownload() {
    }

    /** {@code ~DYE:NAME,A,T,<bytes>,,<hex>} for a font to be used as {@code fontName} (e.g. {@code E:TMCJK.TTF}). */
    static String command(LabelFonts fonts, String fontName) {
        byte[] data = fonts.cjkTrueType();
        String base = fontName.endsWith(".TTF") ? fontName.substring(0, fontName.length() - 4) : fontName;
        StringBuilder out = new StringBuilder(data.length * 2 + 64);
        out.append("~DY").append(base).append(",A,T,").append(data.length).append(",,");
        for (byte b : data) {
            out.append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
        }
        return out.toString();
    }
}
