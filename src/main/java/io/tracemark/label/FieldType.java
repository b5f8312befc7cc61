package io.tracemark.label;

/** What kind of value a merge field holds, which decides how it is written into each ZPL field. */
public enum FieldType {
    /** Free text (Chinese allowed); printed as itself. */
    TEXT,
    /** A date; written with the placeholder's pattern, e.g. {@code {{productionDate:yyyy-MM-dd}}}. */
    DATE,
    /** A GS1 element string: FNC1-separated raw data in symbols, bracketed {@code (01)…} in text. */
    GS1,
    /** A URI such as a GS1 Digital Link; printed as is, in QR automatic mode in symbols. */
    URL,
    /** A whole number, e.g. the child count of a case. */
    INT
}
