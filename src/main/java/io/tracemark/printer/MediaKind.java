package io.tracemark.printer;

/** How a printer marks: through a ribbon, on heat-sensitive media, or with ink. */
public enum MediaKind {
    THERMAL_TRANSFER("thermal-transfer"), DIRECT_THERMAL("direct-thermal"), INKJET("inkjet");

    private final String key;

    MediaKind(String key) {
        this.key = key;
    }

    /** The spelling used in profiles. */
    public String key() {
        return key;
    }

    /** Whether a ribbon can run out. */
    public boolean usesRibbon() {
        return this == THERMAL_TRANSFER;
    }
}
