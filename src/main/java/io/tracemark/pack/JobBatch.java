package io.tracemark.pack;

/**
 * What a parent label says of the units' job: product, batch and production date (from the job's details).
 *
 * @param productId      the product
 * @param batch          the batch number
 * @param productionDate ISO date
 */
public record JobBatch(String productId, String batch, String productionDate) {
}
