package io.tracemark.codes;

/**
 * A trace-code scheme a manufacturer may choose (guideline 5.2.1): GS1 keys and element strings,
 * GS1 Digital Link, Ecode, CCC certificate numbers, platform-issued opaque codes; plus the USCC
 * that identifies the producer. Implementations are pure: no I/O, no state.
 */
public sealed interface CodeScheme
        permits Gs1KeyScheme, ElementStringScheme, DigitalLinkScheme, UsccScheme, CccScheme, EcodeScheme,
        OpaqueScheme {

    /** The scheme's name as used on the command line and in configuration, e.g. {@code gtin}. */
    String name();

    /**
     * Validates {@code code} under this scheme, reporting every problem in the reason and the
     * parts that could be read. Never throws for bad input.
     */
    Verdict validate(String code);

    /**
     * Whether {@code code} has the outward shape of this scheme (length, characters, prefix), so
     * that {@link CodeSchemes#detect(String)} should offer this reading, valid or not.
     */
    boolean fits(String code);
}
