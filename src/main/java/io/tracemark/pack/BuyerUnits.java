package io.tracemark.pack;

import java.util.List;

/**
 * The units of a recall that went to one buyer.
 *
 * @param buyer  the buyer (contact confidential)
 * @param orders the order numbers, in the order first met
 * @param units  units shipped to this buyer
 */
public record BuyerUnits(Buyer buyer, List<String> orders, long units) {

    public BuyerUnits {
        orders = List.copyOf(orders);
    }
}
