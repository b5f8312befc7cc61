package io.tracemark.pack;

import java.time.Instant;
import java.util.Optional;

/**
 * A shipment: an order's goods leaving the factory to a buyer.
 *
 * @param id          its row id
 * @param orderNumber the order number (unique)
 * @param buyer       the buyer (contact confidential)
 * @param saleTime    the time of sale
 * @param state       OPEN (items can be added and removed) or CLOSED (shipped)
 * @param items       scans in it (pallets, cases, loose units)
 * @param units       units in it, the whole hierarchy counted
 * @param closedAt    when it was closed
 */
public record Shipment(long id, String orderNumber, Buyer buyer, Instant saleTime, String state, int items, long units,
                       Optional<Instant> closedAt) {

    public boolean open() {
        return "OPEN".equals(state);
    }
}
