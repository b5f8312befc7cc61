package io.tracemark.pack;

/** Why a packing or shipping request was refused (a stable key for the panel's messages). */
public enum Refusal {
    UNKNOWN_CODE,
    NOT_VERIFIED,
    AWAITING_VERDICT,
    SHARED_CODE,
    OTHER_PRODUCT,
    OTHER_JOB,
    ALREADY_PACKED,
    SCANNED_TWICE,
    UNKNOWN_PARENT,
    WRONG_KIND,
    PARENT_FULL,
    PARENT_CLOSED,
    PARENT_SHIPPED,
    PARENT_EMPTY,
    CASE_OPEN,
    NOT_IN_PARENT,
    REASON_REQUIRED,
    NO_SSCC_LEFT,
    RANGE_OVERLAPS,
    IN_SHIPMENT,
    SHIPMENT_CLOSED,
    SHIP_GATE,
    UNKNOWN_SHIPMENT,
    ON_A_PALLET,
    IN_A_CASE,
    ORDER_EXISTS
}
