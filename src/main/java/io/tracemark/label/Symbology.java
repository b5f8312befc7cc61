package io.tracemark.label;

/** Symbologies of the verification code on a label, with the AIM symbology identifier a reader transmits. */
public enum Symbology {
    GS1_DATAMATRIX("]d2"),
    DATAMATRIX("]d1"),
    GS1_128("]C1"),
    QR("]Q1"),
    EAN13("]E0");

    private final String identifier;

    Symbology(String identifier) {
        this.identifier = identifier;
    }

    /** AIM symbology identifier, e.g. {@code ]d2} for GS1 DataMatrix. */
    public String identifier() {
        return identifier;
    }
}
