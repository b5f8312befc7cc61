package io.tracemark.records.epcis;

import java.util.List;

/**
 * The seam for aggregation and shipping: AggregationEvent ADD/{@code packing} for cases and pallets
 * (parentID the SSCC as {@code https://id.gs1.org/00/…}, childEPCs the units), and shipping
 * ObjectEvents (OBSERVE/{@code shipping}/{@code in_transit} with sourceList and destinationList) of a job.
 * {@link StationPackingEvents} implements it on the station's aggregation; {@link #NONE} has none.
 */
public interface PackingEvents {

    /** No aggregation or shipping. */
    PackingEvents NONE = job -> List.of();

    /** The packing and shipping events of the job's units. */
    List<EpcisEvent> events(String job);
}
