package io.tracemark.pack;

import java.time.Instant;
import java.util.Optional;

/**
 * One printed unit a recall covers, where it is now and whom it went to.
 *
 * @param unitId     its row in the ledger
 * @param code       its trace code
 * @param state      its ledger state: VERIFIED, REJECTED, VOIDED or SENT (no verdict yet)
 * @param verdict    why it was rejected or voided (the verdict's reason), empty for a verified unit
 * @param grade      the print grade the camera gave, if any
 * @param time       its verdict time, else when it was sent to the printer
 * @param job        the job that printed it
 * @param seq        its position in the job
 * @param batch      the job's batch number
 * @param productId  the job's product
 * @param caseSscc   the case it is in now
 * @param palletSscc the pallet that case is on
 * @param shipment   the shipment it left with; empty while it is in the factory
 */
public record RecalledUnit(long unitId, String code, String state, Optional<String> verdict, Optional<String> grade,
                           Optional<Instant> time, String job, long seq, String batch, String productId,
                           Optional<String> caseSscc, Optional<String> palletSscc, Optional<ShipmentRef> shipment) {

    /** Whether it is still in the factory (it has not shipped). */
    public boolean inFactory() {
        return shipment.isEmpty();
    }

    /**
     * The shipment a unit left with.
     *
     * @param orderNumber the order number
     * @param saleTime    the time of sale
     * @param buyer       the buyer (contact confidential)
     */
    public record ShipmentRef(String orderNumber, Instant saleTime, Buyer buyer) {
    }
}
