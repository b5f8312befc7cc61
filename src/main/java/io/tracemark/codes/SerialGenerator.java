package io.tracemark.codes;

/** Produces serial numbers (e.g. for AI 21) one after another; never the same one twice in a run. */
public interface SerialGenerator {

    /**
     * The next serial number.
     *
     * @throws IllegalStateException when the generator has issued all it may
     */
    String next();

    /** How many serials this generator may still issue. */
    long remaining();
}
