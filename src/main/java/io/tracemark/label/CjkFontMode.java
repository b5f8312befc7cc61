package io.tracemark.label;

/** How Chinese text reaches the paper. */
public enum CjkFontMode {
    /** The printer has a CJK font in memory (e.g. {@code E:SIMSUN.TTF}); text is sent as UTF-8 with {@code ^CI28} and {@code ^A@}. */
    RESIDENT,
    /** The station downloads a CJK TrueType font once ({@code ~DY}), then uses it like a resident one. */
    DOWNLOAD,
    /** The printer has no CJK font: the station renders the text to 1-bit graphics ({@code ^GFA}). */
    BITMAP
}
