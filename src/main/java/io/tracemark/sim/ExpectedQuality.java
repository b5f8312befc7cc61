package io.tracemark.sim;

/** The truth about a virtual frame, decided from what was done to it, before anything is decoded. */
public enum ExpectedQuality {
    /** Mild degradations only: a grade of C or better is expected; the station must read and pass it. */
    GOOD,
    /** Heavier degradations: may read or not, may grade above or below C; must never pass with wrong content. */
    MARGINAL,
    /** Missing, wrong or badly damaged label: must never pass. */
    MUST_FAIL
}
