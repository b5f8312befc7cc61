package io.tracemark.label;

import java.util.List;

/**
 * A field of a compiled template whose data comes from merge values (or, in bitmap mode, whose
 * Chinese text becomes graphics).
 *
 * @param prefix  the field's commands before its data ({@code ^FO…^A…^FB…} or {@code ^FO…^BX…}),
 *                already scaled and with the CJK font resolved
 * @param origin  only the positioning commands ({@code ^FO}/{@code ^FR}), used for bitmap text
 * @param kind    how the data is encoded
 * @param escape  the ^BX escape character (for {@link Kind#DATAMATRIX})
 * @param block   the field has an ^FB block (backslashes are doubled)
 * @param pieces  literal text and placeholders making up the data
 * @param unit    some placeholder is a unit field (a ^FN field of the stored format)
 * @param bitmap  text drawn as ^GFA graphics (bitmap CJK mode)
 * @param style   font size and block of the text for bitmap rendering, null otherwise
 */
record TemplateSlot(String prefix, String origin, Kind kind, char escape, boolean block, List<Piece> pieces,
                    boolean unit, boolean bitmap, TextStyle style) {

    enum Kind { TEXT, DATAMATRIX, CODE128, QR, EAN13 }

    /** A literal run of text, or a placeholder with an optional date pattern. */
    record Piece(String literal, String field, String pattern) {

        boolean isPlaceholder() {
            return field != null;
        }
    }

    /** Text size in dots and the ^FB block (scaled) for bitmap text. */
    record TextStyle(int height, int width, ZplCommand block) {
    }

    /** Identity of the data this slot prints, so equal unit slots share one ^FN number. */
    String dataSignature() {
        return kind + "|" + escape + "|" + block + "|" + pieces;
    }
}
