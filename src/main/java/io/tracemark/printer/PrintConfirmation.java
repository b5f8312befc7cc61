package io.tracemark.printer;

/**
 * How the driver learns that a label really printed, chosen per printer profile.
 */
public enum PrintConfirmation {
    /**
     * A reply per printed label: the driver adds a field holding the unit id and {@code ^HV} (host
     * verification) with {@code L} ("one for every label printed", ZPL II guide), so the printer sends
     * the unit id back as it prints that label.
     */
    HOST_VERIFICATION("host-verification"),
    /** The printer's label odometer (SGD {@code odometer.total_label_count}) counts labels printed. */
    ODOMETER("odometer"),
    /**
     * {@code ~HS} counters: formats in buffer plus labels remaining is what the printer still owes. The
     * guide does not promise that a parsed-but-unprinted format is counted, so this is the fallback.
     */
    COUNTERS("counters");

    private final String key;

    PrintConfirmation(String key) {
        this.key = key;
    }

    /** The spelling used in profiles. */
    public String key() {
        return key;
    }
}
