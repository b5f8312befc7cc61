package io.tracemark.web;

import io.tracemark.pack.Aggregation;
import io.tracemark.pack.CasePacking;
import java.util.Optional;

/**
 * What the panel's packing page works with: the station's aggregation, and its inline packing station when
 * one is configured.
 *
 * @param packs    cases and pallets in the station database
 * @param inline   the inline packing station (its open case is closed early by a supervisor), if any
 * @param caseSize units per case for cases opened at the panel
 */
public record PackingDesk(Aggregation packs, Optional<CasePacking> inline, int caseSize) {
}
