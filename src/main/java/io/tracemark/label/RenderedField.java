package io.tracemark.label;

/**
 * One thing the rasterizer drew, where, and from what data: lets tests and the virtual printer
 * check that a field printed exactly its value.
 *
 * @param kind        what was drawn
 * @param symbology   {@code ^BX}, {@code ^BC}, {@code ^BE}, {@code ^BQ} for symbols, else the font name
 * @param x           left edge in dots
 * @param y           top edge in dots
 * @param width       width in dots
 * @param height      height in dots
 * @param data        the field data after {@code ^FH} and character-set decoding (for symbols: the
 *                    encoded content, FNC1 separators as GS {@code \u001d}); empty for boxes
 * @param fieldNumber the {@code ^FN} number, or 0
 * @param aimId       for symbols the AIM symbology identifier a reader reports with the data
 *                    ({@code ]d2} for a DataMatrix with FNC1 first, {@code ]Q1}, {@code ]C1}, ...); else empty
 */
public record RenderedField(Kind kind, String symbology, int x, int y, int width, int height, String data,
                            int fieldNumber, String aimId) {

    /** What kind of field. */
    public enum Kind { TEXT, SYMBOL, GRAPHIC, BOX }
}
