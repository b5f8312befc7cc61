package io.tracemark.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a recall covers: every unit with its case, pallet, shipment and buyer, and the counts a recall is worked
 * from (per case, per pallet, per buyer, and the units still in the factory).
 *
 * @param selector what the recall started from
 * @param units    every unit covered, by job and position
 */
public record RecallResult(RecallSelector selector, List<RecalledUnit> units) {

    public RecallResult {
        units = List.copyOf(units);
    }

    /**
     * A case or pallet holding units of the recall.
     *
     * @param sscc   its SSCC
     * @param pallet for a case, the pallet it is on
     * @param units  units of the recall in it (for a pallet: in its cases)
     */
    public record ParentUnits(String sscc, Optional<String> pallet, long units) {
    }

    /** Units that have not shipped (in the factory: loose, in cases or on pallets). */
    public long inFactory() {
        return units.stream().filter(RecalledUnit::inFactory).count();
    }

    /** Units that left with a shipment. */
    public long shipped() {
        return units.size() - inFactory();
    }

    /** Units in no case. */
    public long loose() {
        return units.stream().filter(u -> u.caseSscc().isEmpty()).count();
    }

    /** The cases holding units of the recall, in the order first met, with their units. */
    public List<ParentUnits> cases() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Optional<String>> pallets = new LinkedHashMap<>();
        for (RecalledUnit u : units) {
            u.caseSscc().ifPresent(c -> {
                counts.computeIfAbsent(c, k -> new long[1])[0]++;
                pallets.putIfAbsent(c, u.palletSscc());
            });
        }
        List<ParentUnits> out = new ArrayList<>();
        counts.forEach((sscc, n) -> out.add(new ParentUnits(sscc, pallets.get(sscc), n[0])));
        return out;
    }

    /** The pallets holding units of the recall, in the order first met, with their units. */
    public List<ParentUnits> pallets() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (RecalledUnit u : units) {
            u.palletSscc().ifPresent(p -> counts.computeIfAbsent(p, k -> new long[1])[0]++);
        }
        List<ParentUnits> out = new ArrayList<>();
        counts.forEach((sscc, n) -> out.add(new ParentUnits(sscc, Optional.empty(), n[0])));
        return out;
    }

    /** The buyers units went to, with their orders and unit counts, in the order first met. */
    public List<BuyerUnits> buyers() {
        Map<Buyer, List<String>> orders = new LinkedHashMap<>();
        Map<Buyer, long[]> counts = new LinkedHashMap<>();
        for (RecalledUnit u : units) {
            u.shipment().ifPresent(s -> {
                List<String> o = orders.computeIfAbsent(s.buyer(), k -> new ArrayList<>());
                if (!o.contains(s.orderNumber())) {
                    o.add(s.orderNumber());
                }
                counts.computeIfAbsent(s.buyer(), k -> new long[1])[0]++;
            });
        }
        List<BuyerUnits> out = new ArrayList<>();
        orders.forEach((buyer, o) -> out.add(new BuyerUnits(buyer, o, counts.get(buyer)[0])));
        return out;
    }
}
