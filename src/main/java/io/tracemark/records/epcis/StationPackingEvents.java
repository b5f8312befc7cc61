package io.tracemark.records.epcis;

import io.tracemark.pack.PackingHistory;
import io.tracemark.pack.ParentKind;
import io.tracemark.pack.Sscc;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packing and shipping events of a job from the station's aggregation (GS1 EPCIS 2.0, CBV 2.0):
 * <ul>
 * <li>a closed case: AggregationEvent ADD, {@code packing}, {@code in_progress}, parentID the case's SSCC
 *     ({@code https://id.gs1.org/00/…}), childEPCs its units;</li>
 * <li>a closed pallet: the same with its cases' SSCCs as childEPCs;</li>
 * <li>a closed shipment: ObjectEvent OBSERVE, {@code shipping}, {@code in_transit}, epcList the pallets, cases and
 *     loose units scanned, a sourceList (owning_party: the producer) and a destinationList (owning_party: the
 *     order's buyer, named by the order, not by name or contact: 7.1.4).</li>
 * </ul>
 */
public final class StationPackingEvents implements PackingEvents {

    private final PackingHistory history;
    private final ZoneId zone;

    public StationPackingEvents(PackingHistory history, ZoneId zone) {
        this.history = history;
        this.zone = zone;
    }

    @Override
    public List<EpcisEvent> events(String job) {
        List<EpcisEvent> events = new ArrayList<>();
        for (PackingHistory.Packed p : history.packed(job)) {
            List<String> children = p.kind() == ParentKind.CASE ? p.units().stream().map(EpcUris::instance).toList()
                    : p.cases().stream().map(StationPackingEvents::sscc).toList();
            events.add(new EpcisEvent("AggregationEvent", p.closedAt(), offset(p.closedAt()), children, sscc(p.sscc()),
                    List.of(), "ADD", "packing", "in_progress", null, Map.of(), Map.of()));
        }
        for (PackingHistory.Shipped s : history.shipped(job)) {
            List<String> epcs = new ArrayList<>(s.parents().stream().map(StationPackingEvents::sscc).toList());
            s.looseUnits().forEach(code -> epcs.add(EpcUris.instance(code)));
            String producer = "urn:tracemark:producer:" + (s.producerId() == null ? "unknown" : s.producerId());
            events.add(new EpcisEvent("ObjectEvent", s.closedAt(), offset(s.closedAt()), epcs, null, List.of(), "OBSERVE",
                    "shipping", "in_transit", null, Map.of(), Map.of("tm:orderNumber", s.orderNumber()),
                    List.of(new EpcisEvent.SourceDest("owning_party", producer)),
                    List.of(new EpcisEvent.SourceDest("owning_party", "urn:tracemark:order:" + s.orderNumber() + ":buyer"))));
        }
        return events;
    }

    private static String sscc(Sscc sscc) {
        return EpcUris.GS1 + "/00/" + sscc.digits();
    }

    private String offset(Instant at) {
        String o = zone.getRules().getOffset(at).getId();
        return o.equals("Z") ? "+00:00" : o;
    }
}
