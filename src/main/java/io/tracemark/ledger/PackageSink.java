package io.tracemark.ledger;

import io.tracemark.core.Problem;

/** Receives what a {@link CodePackageReader} reads, in file order. */
interface PackageSink {

    /** One code read from the package. */
    void code(CodeLine line);

    /** A line or part of the file that could not be read ({@code line N}, {@code zip}). */
    void problem(Problem problem);
}
