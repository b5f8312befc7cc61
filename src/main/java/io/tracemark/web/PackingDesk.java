package io.tracemark.web;

import io.tracemark.pack.Aggregation;
import io.tracemark.pack.CasePacking;
import io.tracemark.pack.ComponentLinks;
import io.tracemark.pack.Shipping;
import java.util.Optional;

/**
 * What the panel's packing pages work with: the station's aggregation, its inline packing station when one is
 * configured, its shipments, and its 组合多码 component links.
 *
 * @param packs      cases and pallets in the station database
 * @param inline     the inline packing station (its open case is closed early by a supervisor), if any
 * @param caseSize   units per case for cases opened at the panel
 * @param shipping   shipments with flow information (without it the shipment routes answer 404)
 * @param components component links of 组合多码 products (without it the component routes answer 404)
 */
public record PackingDesk(Aggregation packs, Optional<CasePacking> inline, int caseSize, Optional<Shipping> shipping,
                          Optional<ComponentLinks> components) {

    /** Packing only: no shipments, no component links. */
    public PackingDesk(Aggregation packs, Optional<CasePacking> inline, int caseSize) {
        this(packs, inline, caseSize, Optional.empty(), Optional.empty());
    }
}
