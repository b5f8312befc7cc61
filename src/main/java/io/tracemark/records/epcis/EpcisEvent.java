package io.tracemark.records.epcis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One EPCIS 2.0 event as the station exports it (GS1 EPCIS 2.0, section 7.4; CBV 2.0 vocabulary in
 * the bare-string JSON-LD form: {@code commissioning}, {@code active}).
 *
 * @param type            {@code ObjectEvent} or {@code AggregationEvent}
 * @param eventTime       when it happened
 * @param zoneOffset      the local offset where it happened, {@code +08:00}
 * @param epcs            instance identifiers (epcList, or childEPCs of an AggregationEvent)
 * @param parentId        the parent (case, pallet) of an AggregationEvent, else null
 * @param quantities      class-level identifiers with quantities (one code printed on many units), may be empty
 * @param action          {@code ADD}, {@code OBSERVE} or {@code DELETE}
 * @param bizStep         CBV business step, bare string
 * @param disposition     CBV disposition, bare string
 * @param readPoint       the read point URI, or null
 * @param ilmd            instance/lot master data: CURIE ({@code cbvmda:lotNumber}) to value, only for commissioning
 * @param extensions      the station's own fields (CURIE {@code tm:reason} to value), event level
 * @param sources         sourceList (shipping: the owning party and the place it leaves), may be empty
 * @param destinations    destinationList (shipping: the buyer), may be empty
 */
public record EpcisEvent(String type, Instant eventTime, String zoneOffset, List<String> epcs, String parentId,
                         List<Quantity> quantities, String action, String bizStep, String disposition, String readPoint,
                         Map<String, String> ilmd, Map<String, String> extensions, List<SourceDest> sources,
                         List<SourceDest> destinations) {

    /** A quantity of one EPC class. */
    public record Quantity(String epcClass, long quantity) {
    }

    /**
     * A source or destination (EPCIS 2.0 section 7.3.5.4.3).
     *
     * @param type CBV source/destination type, bare string: {@code owning_party}, {@code location}
     * @param id   the party or location, a URI
     */
    public record SourceDest(String type, String id) {
    }

    /** An event without sources and destinations. */
    public EpcisEvent(String type, Instant eventTime, String zoneOffset, List<String> epcs, String parentId,
                      List<Quantity> quantities, String action, String bizStep, String disposition, String readPoint,
                      Map<String, String> ilmd, Map<String, String> extensions) {
        this(type, eventTime, zoneOffset, epcs, parentId, quantities, action, bizStep, disposition, readPoint, ilmd,
                extensions, List.of(), List.of());
    }

    public EpcisEvent {
        sources = List.copyOf(sources);
        destinations = List.copyOf(destinations);
        epcs = List.copyOf(epcs);
        quantities = List.copyOf(quantities);
        ilmd = Map.copyOf(ilmd);
        extensions = Map.copyOf(extensions);
    }
}
