package io.tracemark.site;

import io.tracemark.platform.reference.ApiException;
import io.tracemark.platform.wire.FieldProblem;
import java.util.List;

/**
 * Why the site's palletiser or shipping refused a request: a stable key, sent as the problem
 * {@code refusal} of the error body beside the message (nothing was changed).
 */
enum WarehouseRefusal {
    UNKNOWN_PALLET(404),
    UNKNOWN_CASE(404),
    UNKNOWN_SHIPMENT(404),
    NOT_A_CASE(409),
    PALLET_CLOSED(409),
    PALLET_OPEN(409),
    PALLET_SHIPPED(409),
    PALLET_EMPTY(409),
    SCANNED_TWICE(409),
    ON_A_PALLET(409),
    IN_SHIPMENT(409),
    CASE_INCOMPLETE(409),
    NOT_VERIFIED(409),
    SHIPPED_BY_LINE(409),
    SHIP_GATE(409),
    SHIPMENT_CLOSED(409),
    SHIPMENT_EMPTY(409),
    ORDER_EXISTS(409),
    NO_SSCC_LEFT(409),
    SSCC_TAKEN(409);

    private final int status;

    WarehouseRefusal(int status) {
        this.status = status;
    }

    /** The refusal as the API's error reply. */
    ApiException because(String message) {
        return new ApiException(status, message, List.of(new FieldProblem("refusal", name())));
    }
}
