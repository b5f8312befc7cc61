package io.tracemark.label;

import java.util.Objects;

/**
 * What rendering needs to know about the printer a label is for. The printer package owns
 * printer profiles; the line (or the CLI) maps a profile onto this record.
 *
 * @param dotsPerMm         print resolution: 8 (203 dpi), 12 (300 dpi) or 24 (600 dpi)
 * @param cjkMode           how Chinese text is printed
 * @param residentFontName  the printer's CJK font for {@link CjkFontMode#RESIDENT}, e.g. {@code E:SIMSUN.TTF};
 *                          for {@link CjkFontMode#DOWNLOAD} the name the font is downloaded under
 * @param storedFormats     whether the printer accepts {@code ^DF}/{@code ^XF} stored formats
 * @param objectNameLength  longest stored-format name the printer's firmware takes (8, or 16 with long filenames)
 */
public record LabelTarget(int dotsPerMm, CjkFontMode cjkMode, String residentFontName, boolean storedFormats,
                          int objectNameLength) {

    /** Font name used for {@link CjkFontMode#DOWNLOAD} when none is given. */
    public static final String DEFAULT_DOWNLOAD_FONT = "E:TMCJK.TTF";

    public LabelTarget {
        Objects.requireNonNull(cjkMode, "cjkMode");
        if (dotsPerMm < 4 || dotsPerMm > 48) {
            throw new IllegalArgumentException("dotsPerMm must be 4..48, got " + dotsPerMm);
        }
        if (residentFontName == null || residentFontName.isBlank()) {
            residentFontName = cjkMode == CjkFontMode.DOWNLOAD ? DEFAULT_DOWNLOAD_FONT : "E:SIMSUN.TTF";
        }
        residentFontName = ZplNames.normalizeFont(residentFontName);
        if (objectNameLength != 8 && objectNameLength != 16) {
            throw new IllegalArgumentException("objectNameLength must be 8 or 16, got " + objectNameLength);
        }
    }

    /** A target whose firmware takes the guide's 8-character object names. */
    public LabelTarget(int dotsPerMm, CjkFontMode cjkMode, String residentFontName, boolean storedFormats) {
        this(dotsPerMm, cjkMode, residentFontName, storedFormats, ZplLinter.OBJECT_NAME_LENGTH);
    }

    /** A 203 dpi printer with a resident SimSun font, stored formats on: the common case. */
    public static LabelTarget standard(int dotsPerMm) {
        return new LabelTarget(dotsPerMm, CjkFontMode.RESIDENT, "E:SIMSUN.TTF", true);
    }

    public LabelTarget withCjkMode(CjkFontMode mode) {
        return new LabelTarget(dotsPerMm, mode, mode == cjkMode ? residentFontName : null, storedFormats,
                objectNameLength);
    }

    public LabelTarget withDotsPerMm(int dpmm) {
        return new LabelTarget(dpmm, cjkMode, residentFontName, storedFormats, objectNameLength);
    }
}
