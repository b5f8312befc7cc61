package io.tracemark.verify;

import java.util.List;
import java.util.Optional;

/**
 * The verdict on one frame: what was read, how well it is printed, and whether the unit passes.
 *
 * @param read        whether a symbol was decoded
 * @param data        decoded data ("" when not read)
 * @param canonical   content in canonical form for comparisons and duplicate checks (see {@link Content#canonical})
 * @param symbologyId AIM identifier ("" when not read)
 * @param symbology   the symbology, when read
 * @param strategy    the decode strategy that read it, when read
 * @param grades      the grades, when read
 * @param pass        read, grade at least the minimum, valid GS1 data when GS1, and equal to the expectation
 * @param reasons     why it did not pass (empty when it passed)
 * @param millis      decode + grade time
 */
public record Verification(boolean read, String data, String canonical, String symbologyId,
                           Optional<Symbology> symbology, Optional<DecodeStrategy> strategy,
                           Optional<Grades> grades, boolean pass, List<String> reasons, double millis) {

    public Verification {
        reasons = List.copyOf(reasons);
    }
}
