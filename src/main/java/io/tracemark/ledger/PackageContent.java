package io.tracemark.ledger;

import io.tracemark.core.Problem;
import java.util.List;

/**
 * The codes read from a package file, and what could not be read.
 *
 * @param lines    the codes, in file order
 * @param problems lines or parts of the file that could not be read
 */
public record PackageContent(List<CodeLine> lines, List<Problem> problems) {
}
