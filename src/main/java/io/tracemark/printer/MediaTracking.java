package io.tracemark.printer;

/**
 * The media the printer tracks, sent as {@code ^MN} with every job so gap versus continuous media
 * never depends on how the printer happens to be set up. ZPL II guide, ^MN: "N = continuous media",
 * "Y = non-continuous media web sensing", "M = non-continuous media mark sensing".
 */
public enum MediaTracking {
    GAP("gap", 'Y'), CONTINUOUS("continuous", 'N'), MARK("mark", 'M');

    private final String key;
    private final char zpl;

    MediaTracking(String key, char zpl) {
        this.key = key;
        this.zpl = zpl;
    }

    /** The spelling used in profiles. */
    public String key() {
        return key;
    }

    /** The {@code ^MN} parameter. */
    public char zpl() {
        return zpl;
    }
}
