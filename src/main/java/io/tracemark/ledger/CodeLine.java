package io.tracemark.ledger;

/**
 * One code read from a package.
 *
 * @param line the 1-based line number in the file (in the zipped file for a zip)
 * @param code the code, trimmed
 */
public record CodeLine(int line, String code) {
}
