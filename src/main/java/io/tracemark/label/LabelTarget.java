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
 */
public record LabelTarget(int dotsPerMm, CjkFontMode cjkMode, String residentFontName, boolean storedFormats) {

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
    }

    /** A 203 dpi printer with a resident SimSun font, stored formats on: the common case. */
    public static LabelTarget standard(int dotsPerMm) {
        return new LabelTarget(dotsPerMm, CjkFontMode.RESIDENT, "E:SIMSUN.TTF", true);
    }

    public LabelTarget withCjkMode(CjkFontMode mode) {
        return new LabelTarget(dotsPerMm, mode, mode == cjkMode ? residentFontName : null, storedFormats);
    }

    public LabelTarget withDotsPerMm(int dpmm) {
        return new LabelTarget(dpmm, cjkMode, residentFontName, storedFormats);
    }
}
